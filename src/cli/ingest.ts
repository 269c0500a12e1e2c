/** `threadline ingest FILE...` */
import { existsSync } from "node:fs";
import type { Command } from "commander";
import cliProgress from "cli-progress";
import { SHARING_LEVELS } from "../domain/access.js";
import type { SharingLevel } from "../domain/ad.js";
import { ingestFiles, type IngestSummary } from "../ingest/ingest.js";
import { availableParallelism } from "node:os";
import { CliError, dbOption, fmt, withStore } from "./common.js";

export function formatIngestSummary(s: IngestSummary): string {
  return `ingest: read ${fmt(s.read)}, new ${fmt(s.new)}, new versions ${fmt(s.versions)}, unchanged ${fmt(s.unchanged)}, ` +
    `rejected ${fmt(s.rejected)}, facts ${fmt(s.facts)} — ${fmt(s.adsPerSec)} ads/s (${s.seconds.toFixed(1)} s)` +
    (s.interrupted ? " — INTERRUPTED: committed batches kept, re-run to finish" : "");
}

export function registerIngest(program: Command): void {
  dbOption(program.command("ingest"))
    .description("load ads from JSON lines (.jsonl, .jsonl.gz) or CSV files; bad rows go to the rejects table")
    .argument("<files...>", "input files")
    .option("--source <name>", "source name for records that carry none")
    .option("--format <format>", "jsonl or csv (default: from the file name)")
    .option("--batch <n>", "records per transaction", (v) => Number.parseInt(v, 10), 10000)
    .option("--no-extract", "store ads without extracting facts")
    .option("--workers <n>", "worker threads for parsing and extraction (default: one per core when extracting, else 0)", (v) => Number.parseInt(v, 10))
    .option("--org <id>", "organization that contributes these records (default: public)")
    .option("--sharing <level>", "private (its members only), hub (all analysts) or aggregate (counts only); default: the organization's")
    .action(async (files: string[], o: { db?: string; source?: string; format?: string; batch: number; extract: boolean; workers?: number; org?: string; sharing?: string }) => {
      for (const f of files) if (!existsSync(f)) throw new CliError(`ingest: ${f}: no such file`);
      if (o.sharing !== undefined && !(SHARING_LEVELS as readonly string[]).includes(o.sharing)) throw new CliError(`ingest: --sharing must be one of ${SHARING_LEVELS.join(", ")}`);
      const ac = new AbortController();
      const onSig = () => {
        if (ac.signal.aborted) process.exit(130);
        process.stderr.write("\ningest: stopping after the current batch (Ctrl-C again to quit now)\n");
        ac.abort();
      };
      process.on("SIGINT", onSig);
      process.on("SIGTERM", onSig);
      const bar = process.stderr.isTTY
        ? new cliProgress.SingleBar({ format: "{file} [{bar}] {percentage}% | {read} records", stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic)
        : null;
      let started = false;
      const summary = await withStore(o.db, async (store) => {
        const org = await store.hub.getOrg(o.org ?? "public");
        if (!org) throw new CliError(`ingest: no organization "${o.org}" (create it: threadline admin create-org)`);
        const owner = { org: org.id, sharing: (o.sharing as SharingLevel | undefined) ?? org.defaultSharing };
        return ingestFiles(store, files, {
          owner,
          source: o.source,
          format: o.format,
          batchSize: o.batch,
          extract: o.extract,
          // Without extraction the single SQLite writer is the bottleneck and shipping records to workers costs more than it saves.
          workers: o.workers ?? (o.extract ? availableParallelism() : 0),
          signal: ac.signal,
          onProgress: (p) => {
            if (!bar) return;
            if (!started) {
              bar.start(100, 0, { file: p.file, read: 0 });
              started = true;
            }
            bar.update(p.totalBytes ? Math.min(100, Math.round((100 * p.bytes) / p.totalBytes)) : 0, { file: p.file, read: fmt(p.read) });
          },
        });
      }).finally(() => {
        bar?.stop();
        process.off("SIGINT", onSig);
        process.off("SIGTERM", onSig);
      });
      process.stderr.write(`${formatIngestSummary(summary)}\n`);
      if (summary.rejected > 0) process.stderr.write(`ingest: ${fmt(summary.rejected)} rejected records — see \`threadline rejects\`\n`);
      if (summary.interrupted) process.exitCode = 130;
    });
}
