/** `threadline export networks` — every ad's input id and its network id (a singleton gets its own id). */
import type { Command } from "commander";
import type { Store } from "../store/store.js";
import { cliActor } from "./actor.js";
import { CliError, dbOption, withStore } from "./common.js";

/** A singleton's network id: stable, derived from its store id, never colliding with resolved ids ("N-…"). */
export const singletonId = (adId: number): string => `S-${adId}`;

export async function* networkRows(store: Store): AsyncGenerator<{ ad_id: string; source: string; network_id: string; network_risk: number | null }> {
  // risk of the last `threadline analyze` run (null before any): a triage signal, not evidence
  const risk = await store.networkRiskMap();
  for await (const r of store.exportAssignments()) {
    const network_id = r.networkId ?? singletonId(r.adId);
    yield { ad_id: r.sourceAdId, source: r.source, network_id, network_risk: risk.get(network_id) ?? null };
  }
}

function csvCell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

async function write(out: NodeJS.WritableStream, s: string): Promise<void> {
  if (!out.write(s)) await new Promise((r) => out.once("drain", r));
}

export function registerExport(program: Command): void {
  const exp = program.command("export").description("export results");
  dbOption(exp.command("networks"))
    .description("write ad_id,network_id,network_risk for every ad to stdout (network_risk: 0–1 from the last analyze run, empty before one)")
    .option("--format <format>", "csv or jsonl", "csv")
    .requiredOption("--purpose <why>", "why the export is made (recorded in the audit log with who and when)")
    .action(async (o: { db?: string; format: string; purpose: string }) => {
      if (o.format !== "csv" && o.format !== "jsonl") throw new CliError(`export: unknown format "${o.format}" (use csv or jsonl)`);
      if (o.purpose.trim().length < 10) throw new CliError("export: --purpose must say why, in at least 10 characters");
      await withStore(o.db, async (store) => {
        await store.audit.append({ actor: cliActor(), org: null, action: "export.networks", target: null, detail: { purpose: o.purpose.trim().slice(0, 500), format: o.format } });
        const out = process.stdout;
        if (o.format === "csv") await write(out, "ad_id,network_id,network_risk\n");
        let buf = "";
        for await (const r of networkRows(store)) {
          buf += o.format === "csv" ? `${csvCell(r.ad_id)},${csvCell(r.network_id)},${r.network_risk ?? ""}\n` : `${JSON.stringify(r)}\n`;
          if (buf.length > 1 << 16) {
            await write(out, buf);
            buf = "";
          }
        }
        await write(out, buf);
      });
    });
}
