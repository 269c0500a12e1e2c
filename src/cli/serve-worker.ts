/** One `threadline serve --workers N` process: serves the database on the port the primary shares. */
import { serve } from "./serve.js";

const [db, port, host, readers] = process.argv.slice(2);
if (!db || !port || !host || !readers) throw new Error("serve-worker: expected <db> <port> <host> <readers>");
await serve({ db, port: Number(port), host, readers: Number(readers), quiet: true });
process.exit(0);
