/**
 * `threadline publish` — the hub's safe public table: ads per province, city and week over whole finished 4-week
 * blocks, counts 1 … k-1 hidden and complements hidden so no hidden value can be worked out (docs/publishing.md).
 * Only ads shared with the hub or for aggregates count. Every release is recorded in the audit log.
 */
import { writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import type { Command } from "commander";
import { MIN_PUBLIC_K, PUBLIC_SCOPE, cellCount, isIsoDate, publicTable, publishedCsv } from "../hub/publish/index.js";
import { CliError, dbOption, fmt, withStore } from "./common.js";

interface PublishFlags {
  db?: string;
  k: string;
  since?: string;
  format: string;
  out?: string;
}

export function registerPublish(program: Command): void {
  dbOption(program.command("publish"))
    .description("write the public table of ads per province, city and week with small counts hidden (JSON or CSV)")
    .option("--k <n>", `hide every count from 1 to k-1 (at least ${MIN_PUBLIC_K})`, String(MIN_PUBLIC_K))
    .option("--since <date>", "first week wanted, YYYY-MM-DD, rounded down to the 4-week grid (default: 26 weeks back)")
    .option("--format <format>", "json or csv", "json")
    .option("--out <file>", "write to this file instead of stdout")
    .action(async (o: PublishFlags) => {
      const k = /^\d+$/.test(o.k) ? Number(o.k) : NaN;
      if (!(k >= MIN_PUBLIC_K)) throw new CliError(`publish: --k must be an integer of at least ${MIN_PUBLIC_K} (got "${o.k}")`);
      if (o.format !== "json" && o.format !== "csv") throw new CliError(`publish: unknown format "${o.format}" (use json or csv)`);
      if (o.since !== undefined && !isIsoDate(o.since)) throw new CliError(`publish: --since "${o.since}" is not a YYYY-MM-DD date`);
      await withStore(o.db, async (store) => {
        const table = await publicTable(store.reads(PUBLIC_SCOPE), { k, since: o.since });
        const cells = cellCount(table);
        // Recorded before the file exists: a release the log does not know about is worse than a logged one that failed.
        await store.audit.append({
          actor: `cli:${userInfo().username}`,
          org: null,
          action: "publish",
          target: null,
          detail: { k, cells, suppressed: table.suppressed, from: table.weeks[0] ?? null, to: table.weeks.at(-1) ?? null },
        });
        const text = o.format === "csv" ? publishedCsv(table) : `${JSON.stringify(table, null, 2)}\n`;
        if (o.out) writeFileSync(o.out, text);
        else process.stdout.write(text);
        const span = table.weeks.length ? `${table.weeks[0]} … ${table.weeks.at(-1)}` : "no finished weeks";
        process.stderr.write(
          `publish: ${span}, ${fmt(cells)} values, ${fmt(table.suppressed.primary)} hidden under k = ${k}, ${fmt(table.suppressed.complementary)} hidden as complements${o.out ? ` → ${o.out}` : ""}\n`,
        );
      });
    });
}
