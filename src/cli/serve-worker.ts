/** One `threadline serve --workers N` process: serves the database on the port the primary shares. */
import { serve } from "./serve.js";

const [db, port, host] = process.argv.slice(2);
if (!db || !port || !host) throw new Error("serve-worker: expected <db> <port> <host>");
await serve({ db, port: Number(port), host, quiet: true });
process.exit(0);
