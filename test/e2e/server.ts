/** The app under test: the web bundle built into a temp folder, served with the real API on a random port. */
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { buildServer } from "../../src/api/server.js";
import { openStore } from "../../src/store/open.js";

export interface RunningApi {
  url: string;
  close(): Promise<void>;
}

/** `vite build` of web/ into `outDir` (a fresh bundle for every run, so the test never sees a stale web/dist). */
export async function buildWeb(outDir: string): Promise<string> {
  const { build } = await import("vite");
  await build({ configFile: join(process.cwd(), "web/vite.config.ts"), logLevel: "warn", build: { outDir, emptyOutDir: true } });
  return outDir;
}

export async function startApi(db: string, webDist: string): Promise<RunningApi> {
  const store = await openStore(db);
  const app = await buildServer({ store, webDist, logger: false });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      // keep-alive sockets from fetch() would otherwise hold close() open
      app.server.closeAllConnections();
      await app.close();
      await store.close();
    },
  };
}
