/**
 * `threadline extract [FILE.jsonl | --text "..."]`: print the facts of each ad as one JSON object per line.
 * Reads the ingest format (JSON lines with id, title, body, phone, email, city, region …) from a file or from
 * standard input ("-" or no argument), without a database.
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { Command } from "commander";
import type { Fact, FactKind } from "../domain/fact.js";
import { EXTRACTOR_VERSION, extractAd } from "../extract/index.js";
import type { AdText } from "../extract/index.js";
import { reextractStore } from "../pipeline/reextract.js";
import { fmt, withStore } from "./common.js";

const GROUPS: Record<FactKind, string> = {
  phone: "phones", email: "emails", handle: "handles", url: "urls", price: "prices", age: "ages", name: "names",
  place: "places", descriptor: "descriptors", cue: "cues",
};

/** The JSON shape of one fact in CLI output: value, evidence span and field, plus the kind's own data. */
export function presentFact(f: Fact): Record<string, unknown> {
  const base: Record<string, unknown> = { span: f.span, field: f.field, confidence: f.confidence };
  if (f.obfuscated !== undefined) base.obfuscated = f.obfuscated;
  const data = f.data ?? {};
  switch (f.kind) {
    case "handle":
      return { platform: data.platform, value: data.handle, ...base };
    case "price":
      return { ...data, ...base };
    case "age":
      return { value: Number(f.value), ...base };
    case "cue":
      return { code: f.value, ...data, ...base };
    default:
      return { value: f.value, ...data, ...base };
  }
}

/** One output record: the ad id and its facts grouped by kind. */
export function presentAd(id: string | undefined, facts: Fact[]): Record<string, unknown> {
  const out: Record<string, unknown> = { id: id ?? null };
  for (const g of Object.values(GROUPS)) out[g] = [];
  for (const f of facts) (out[GROUPS[f.kind]] as unknown[]).push(presentFact(f));
  return out;
}

function adFromJson(value: unknown): { id?: string; ad: AdText } {
  const o = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
  const str = (k: string): string | undefined => (typeof o[k] === "string" ? (o[k] as string) : undefined);
  const id = o.id === undefined || o.id === null ? undefined : String(o.id);
  return {
    id,
    ad: { title: str("title"), body: str("body"), phone: str("phone"), email: str("email"), city: str("city"), region: str("region") },
  };
}

async function runFile(file: string | undefined, write: (s: string) => void): Promise<number> {
  const input = file === undefined || file === "-" ? process.stdin : createReadStream(file, "utf8");
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  let rejected = 0;
  for await (const line of lines) {
    lineNo++;
    if (line.trim().length === 0) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (err) {
      rejected++;
      process.stderr.write(`extract: ${file ?? "stdin"} line ${lineNo}: not JSON (${(err as Error).message})\n`);
      continue;
    }
    const { id, ad } = adFromJson(parsed);
    write(`${JSON.stringify(presentAd(id ?? `line-${lineNo}`, extractAd(ad)))}\n`);
  }
  return rejected;
}

/** Register the `extract` command on `program`. */
export function registerExtract(program: Command): Command {
  return program
    .command("extract")
    .description(`extract phones, emails, handles, prices, ages, names, places and cues from ads (v${EXTRACTOR_VERSION})`)
    .argument("[file]", "JSON lines in the ingest format; '-' or nothing reads standard input")
    .option("--text <text>", "extract from this text (as an ad body) instead of a file")
    .option("--db [path]", "re-extract every ad stored in this database (default: $THREADLINE_DB or ./threadline.db)")
    .action(async (file: string | undefined, opts: { text?: string; db?: string | boolean }) => {
      const write = (s: string): void => void process.stdout.write(s);
      if (opts.db !== undefined) {
        const r = await withStore(typeof opts.db === "string" ? opts.db : undefined, (store) => reextractStore(store));
        process.stderr.write(`extract: ${fmt(r.ads)} ads re-extracted, ${fmt(r.facts)} facts (v${EXTRACTOR_VERSION}) in ${r.seconds.toFixed(1)} s\n`);
        return;
      }
      if (opts.text !== undefined) {
        write(`${JSON.stringify(presentAd("text", extractAd({ body: opts.text })))}\n`);
        return;
      }
      const rejected = await runFile(file, write);
      if (rejected > 0) process.exitCode = 1;
    });
}
