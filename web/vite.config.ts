/** Vite config for the web app: root is web/, output web/dist, `/api` proxied to a local `threadline serve` in dev. */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { subunitsPlugin } from "./subunits-plugin";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root,
  base: "/",
  plugins: [react(), subunitsPlugin()],
  resolve: {
    alias: { "@shared": fileURLToPath(new URL("../src/shared", import.meta.url)) },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // maplibre alone is ~800 kB; it lives in its own lazily loaded chunk
    chunkSizeWarningLimit: 1600,
    // no inline module-preload polyfill: the server's CSP is script-src 'self'
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: { "/api": "http://127.0.0.1:8080" },
  },
});
