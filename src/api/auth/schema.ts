/** Request and response shapes of sign-in, sessions and the caller's identity. */
import { z } from "zod";
import { ROLES } from "../../domain/access.js";

export const LoginBody = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(1024),
});

export const MeSchema = z.object({
  username: z.string(),
  org: z.string(),
  orgName: z.string(),
  roles: z.array(z.enum(ROLES)),
  /** Send back as the x-csrf-token header on every POST/DELETE made with the session cookie. */
  csrf: z.string(),
  defaultSharing: z.enum(["private", "hub", "aggregate"]),
  synthetic: z.boolean(),
});

export const LinkQuery = z.object({ token: z.string().min(20).max(100) });

export const PasswordBody = z.object({
  current: z.string().min(1).max(1024),
  next: z.string().min(1).max(1024),
});
