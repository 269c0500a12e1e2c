/** `threadline audit verify|show`: check the audit log's hash chain; read entries by user, organization, time. */
import type { Command } from "commander";
import { verifyChain } from "../hub/audit-chain.js";
import { CliError, dbOption, withStore } from "./common.js";

export function registerAudit(program: Command): void {
  const audit = program.command("audit").description("the hash-chained audit log");
  dbOption(audit.command("verify"))
    .description("check every entry's hash and link; exit code 1 and the first broken entry when tampered with")
    .action(async (o: { db?: string }) => {
      const r = await withStore(o.db, (s) => verifyChain(s.audit.all()));
      if (!r.ok) throw new CliError(`audit: chain BROKEN at entry ${r.broken?.seq}: ${r.broken?.reason} (${r.entries} entries read)`);
      process.stdout.write(`audit: chain intact, ${r.entries} entries, head ${r.head}\n`);
      process.stdout.write("audit: keep the head hash somewhere else too: it is what proves no entries were cut from the end\n");
    });
  dbOption(audit.command("show"))
    .description("print entries as JSON lines, oldest first")
    .option("--user <name>", "only this actor (username, token:<id> or cli:<user>)")
    .option("--org <id>", "only this organization")
    .option("--action <name>", "only this action (e.g. login.failed, export.pdf, search)")
    .option("--since <iso>", "only entries at or after this time (ISO 8601)")
    .option("--limit <n>", "at most this many", (v) => Number.parseInt(v, 10), 1000)
    .action(async (o: { db?: string; user?: string; org?: string; action?: string; since?: string; limit: number }) => {
      if (o.since !== undefined && Number.isNaN(Date.parse(o.since))) throw new CliError(`audit: --since is not a date: "${o.since}"`);
      const since = o.since === undefined ? undefined : new Date(Date.parse(o.since)).toISOString();
      await withStore(o.db, async (s) => {
        let after = 0;
        let left = o.limit;
        while (left > 0) {
          const page = await s.audit.list({ actor: o.user, org: o.org, action: o.action, since }, after, Math.min(left, 1000));
          if (page.length === 0) break;
          process.stdout.write(page.map((e) => JSON.stringify(e)).join("\n") + "\n");
          after = page[page.length - 1]!.seq;
          left -= page.length;
        }
      });
    });
}
