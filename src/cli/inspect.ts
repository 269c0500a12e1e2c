/** `threadline stats`, `threadline rejects`, `threadline runs` — what is in the store. */
import type { Command } from "commander";
import { dbOption, fmt, withStore } from "./common.js";

export function registerInspect(program: Command): void {
  dbOption(program.command("stats"))
    .description("counts of ads, versions, facts, links, networks and rejects")
    .option("--json", "machine-readable output")
    .action(async (o: { db?: string; json?: boolean }) => {
      await withStore(o.db, async (store) => {
        const s = await store.stats();
        if (o.json) return void process.stdout.write(`${JSON.stringify(s)}\n`);
        const lines = [
          `database   ${store.path}`,
          `ads        ${fmt(s.ads)} (${fmt(s.versions)} versions, ${fmt(s.sources)} sources)`,
          `facts      ${fmt(s.facts)}  ${Object.entries(s.factsByKind).map(([k, n]) => `${k} ${fmt(n)}`).join(", ")}`,
          `links      ${fmt(s.links)}`,
          `networks   ${fmt(s.networks)}`,
          `rejects    ${fmt(s.rejects)}`,
        ];
        process.stdout.write(`${lines.join("\n")}\n`);
      });
    });
  dbOption(program.command("rejects"))
    .description("rejected input records, newest first, with file, line and reason")
    .option("--limit <n>", "how many", (v) => Number.parseInt(v, 10), 50)
    .option("--json", "JSON lines")
    .action(async (o: { db?: string; limit: number; json?: boolean }) => {
      await withStore(o.db, async (store) => {
        for (const r of await store.listRejects(o.limit)) {
          process.stdout.write(o.json ? `${JSON.stringify(r)}\n` : `${r.file}:${r.line}${r.recordId ? ` (id ${r.recordId})` : ""}: ${r.reason}\n`);
        }
      });
    });
  dbOption(program.command("runs"))
    .description("pipeline runs with their parameters, counts and timings")
    .option("--limit <n>", "how many", (v) => Number.parseInt(v, 10), 20)
    .action(async (o: { db?: string; limit: number }) => {
      await withStore(o.db, async (store) => {
        for (const r of await store.listRuns(o.limit)) process.stdout.write(`${JSON.stringify(r)}\n`);
      });
    });
}
