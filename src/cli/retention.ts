/** `threadline retention apply`: delete records past their organization's retention period (logged). */
import type { Command } from "commander";
import { applyRetention } from "../hub/retention.js";
import { cliActor } from "./actor.js";
import { dbOption, fmt, withStore } from "./common.js";

export function registerRetention(program: Command): void {
  const r = program.command("retention").description("per-organization retention periods (set with `admin retention`)");
  dbOption(r.command("apply"))
    .description("delete expired records with their facts, links, network memberships and search entries")
    .option("--dry-run", "only count what would go")
    .action(async (o: { db?: string; dryRun?: boolean }) => {
      const results = await withStore(o.db, (s) => applyRetention(s, cliActor(), { dryRun: o.dryRun }));
      if (results.length === 0) process.stdout.write("retention: no organization has a retention period\n");
      for (const x of results) {
        const c = x.counts;
        process.stdout.write(
          `retention: ${x.org} (${x.days} days, before ${x.cutoff}): ${o.dryRun ? "would delete" : "deleted"} ${fmt(c.ads)} ads` +
            (o.dryRun ? "" : `, ${fmt(c.versions)} old versions, ${fmt(c.facts)} facts, ${fmt(c.links)} links, ${fmt(c.members)} network memberships, ${fmt(c.caseItems)} case items`) +
            "\n",
        );
      }
      if (!o.dryRun && results.some((x) => x.counts.ads > 0)) process.stdout.write("retention: the next `threadline link` rebuilds the index without them\n");
    });
}
