/**
 * The session as app state: who is signed in (from `/api/auth/me`), sign-in and sign-out, and the switch back to
 * the sign-in page when any API call answers 401. The CSRF token goes to api.ts, in memory only.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { LoginBody, Me, Role } from "@shared/api-types";
import { ApiError, getJson, onSessionExpired, postJson, setCsrf } from "./api";

export type Session =
  | { status: "loading" }
  | { status: "error"; error: Error }
  | { status: "signed-out"; reason: "none" | "expired" | "signed-out" }
  | { status: "signed-in"; me: Me };

interface AuthValue {
  session: Session;
  signIn(body: LoginBody): Promise<void>;
  signOut(): Promise<void>;
  retry(): void;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>({ status: "loading" });
  const [tick, setTick] = useState(0);

  const enter = useCallback((me: Me) => {
    setCsrf(me.csrf);
    setSession({ status: "signed-in", me });
  }, []);
  const leave = useCallback((reason: "none" | "expired" | "signed-out") => {
    setCsrf(null);
    setSession({ status: "signed-out", reason });
  }, []);

  useEffect(() => {
    const ac = new AbortController();
    setSession({ status: "loading" });
    getJson<Me>("/api/auth/me", ac.signal).then(enter, (err: unknown) => {
      if (ac.signal.aborted) return;
      if (err instanceof ApiError && err.status === 401) leave("none");
      else setSession({ status: "error", error: err instanceof Error ? err : new Error(String(err)) });
    });
    return () => ac.abort();
  }, [tick, enter, leave]);

  useEffect(
    () =>
      onSessionExpired(() => {
        setCsrf(null);
        setSession((s) => (s.status === "signed-in" ? { status: "signed-out", reason: "expired" } : s));
      }),
    [],
  );

  const value = useMemo<AuthValue>(
    () => ({
      session,
      signIn: async (body) => enter(await postJson<Me>("/api/auth/login", body)),
      signOut: async () => {
        try {
          await postJson<void>("/api/auth/logout");
        } catch {
          // an already ended session signs out all the same
        }
        leave("signed-out");
      },
      retry: () => setTick((t) => t + 1),
    }),
    [session, enter, leave],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const a = useContext(AuthContext);
  if (!a) throw new Error("web: useAuth outside AuthProvider");
  return a;
}

/** The signed-in user; only for components rendered inside the signed-in shell. */
export function useMe(): Me {
  const { session } = useAuth();
  if (session.status !== "signed-in") throw new Error("web: useMe while not signed in");
  return session.me;
}

/** Every role, in the order the admin page shows them (src/domain/access.ts `ROLES`). */
export const ROLES: readonly Role[] = ["admin", "analyst", "contributor", "auditor"];

export const ROLE_ABOUT: Record<Role, string> = {
  admin: "users, roles and tokens",
  analyst: "search, networks, map, cases, exports",
  contributor: "upload ads",
  auditor: "read the audit log",
};

export function hasRole(me: Me, role: Role): boolean {
  return me.roles.includes(role);
}
