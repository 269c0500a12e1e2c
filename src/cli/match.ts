/**
 * `threadline match`: privacy-preserving matching (see docs/matching.md).
 * - hub operator: `match key new|list|retire <id>|export <id> --out key.json` (`--db`)
 * - member, no database: `match encode --key key.json --in customers.csv [--column phone ...] [--ref-column id] --out upload.json`
 * - hub operator: `match run --db X --org ORG upload.json` prints the result as JSON
 * Raw values never leave `encode`: its report masks them, and `run` sees only digests and filters.
 */
import { createReadStream, existsSync, readFileSync, writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import type { Command } from "commander";
import type { EncodeProblem, MemberValue } from "../hub/match/encode.js";
import { encodeRecords } from "../hub/match/encode.js";
import { MatchError } from "../hub/match/errors.js";
import { newMatchKey, parseKeyFile, toKeyFile } from "../hub/match/keys.js";
import type { RowProblem } from "../hub/match/member-csv.js";
import { readMemberCsv } from "../hub/match/member-csv.js";
import { matchUpload } from "../hub/match/service.js";
import { storeMatchSource } from "../hub/match/store-source.js";
import { CliError, dbOption, withStore } from "./common.js";

/** Problems listed one by one before the report only counts the rest. */
const SHOWN_PROBLEMS = 50;

/** The local operator, as the audit log names it. */
function cliActor(): string {
  let name = "unknown";
  try {
    name = userInfo().username;
  } catch {
    // no passwd entry (containers): keep "unknown"
  }
  return `cli:${name}`;
}

/** MatchError → CliError (message only, exit 1); anything else is a bug and keeps its stack. */
async function cli<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof MatchError) throw new CliError(`threadline ${e.message}`);
    throw e;
  }
}

function writeNew(path: string, text: string, mode?: number): void {
  try {
    writeFileSync(path, text, { flag: "wx", mode });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") throw new CliError(`threadline match: ${path} already exists (remove it first)`);
    throw e;
  }
}

function readJson(path: string, what: string): unknown {
  if (!existsSync(path)) throw new CliError(`threadline match: ${what} ${path} not found`);
  try {
    return JSON.parse(readFileSync(path, "utf8")) as unknown;
  } catch {
    throw new CliError(`threadline match: ${what} ${path} is not JSON`);
  }
}

export interface EncodeOptions {
  key: string;
  in: string;
  out: string;
  column: string[];
  refColumn?: string;
}

/** `match encode`: CSV → upload file. Returns what it reported (for tests); prints the report on stderr. */
export async function encodeCommand(o: EncodeOptions, err: NodeJS.WritableStream = process.stderr): Promise<{ records: number; problems: (EncodeProblem | RowProblem)[] }> {
  return cli(async () => {
    if (!existsSync(o.key)) throw new CliError(`threadline match: key file ${o.key} not found`);
    if (!existsSync(o.in)) throw new CliError(`threadline match: input ${o.in} not found`);
    const key = parseKeyFile(readFileSync(o.key, "utf8"));
    const values: MemberValue[] = [];
    const rowProblems: RowProblem[] = [];
    for await (const v of readMemberCsv(createReadStream(o.in), { columns: o.column, refColumn: o.refColumn })) {
      if ("problem" in v) rowProblems.push(v);
      else values.push(v);
    }
    const { upload, problems } = encodeRecords(key, values);
    writeNew(o.out, `${JSON.stringify(upload)}\n`);
    const all: (EncodeProblem | RowProblem)[] = [...rowProblems, ...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    err.write(`match encode: ${upload.records.length} records written to ${o.out} with key ${key.id}\n`);
    if (all.length) {
      err.write(`match encode: ${all.length} value(s) could not be used:\n`);
      for (const p of all.slice(0, SHOWN_PROBLEMS)) {
        err.write("masked" in p ? `  line ${p.line ?? "?"} ${p.kind} ${p.masked}: ${p.problem}\n` : `  line ${p.line}: ${p.problem}\n`);
      }
      if (all.length > SHOWN_PROBLEMS) err.write(`  … and ${all.length - SHOWN_PROBLEMS} more\n`);
    }
    return { records: upload.records.length, problems: all };
  });
}

export interface RunOptions {
  db?: string;
  org: string;
  threshold?: string;
}

/** `match run`: the result as JSON on `out`. */
export async function runCommand(uploadPath: string, o: RunOptions, out: NodeJS.WritableStream = process.stdout): Promise<void> {
  const upload = readJson(uploadPath, "upload");
  const threshold = o.threshold === undefined ? undefined : Number(o.threshold);
  if (threshold !== undefined && !(threshold > 0 && threshold <= 1)) throw new CliError(`threadline match: --threshold must be a number in (0, 1]`);
  await cli(() =>
    withStore(o.db, async (store) => {
      if (!(await store.hub.getOrg(o.org))) throw new CliError(`threadline match: no organization "${o.org}"`);
      const source = storeMatchSource(store, { org: o.org, all: false });
      const result = await matchUpload(store, source, { actor: cliActor(), org: o.org, upload, options: { threshold } });
      out.write(`${JSON.stringify(result, null, 2)}\n`);
    }),
  );
}

function registerKey(match: Command): void {
  const key = match.command("key").description("hub operator: matching keys (members encode with them; several may be active)");
  dbOption(key.command("new"))
    .description("create a matching key (prints its id; `match key export` writes the file for members)")
    .option("--id <id>", "key id (default mk-<date>-<random>)")
    .action(async (o: { db?: string; id?: string }) =>
      cli(() =>
        withStore(o.db, async (store) => {
          const k = newMatchKey(new Date(), o.id);
          if ((await store.hub.listMatchKeys()).some((x) => x.id === k.id)) throw new CliError(`threadline match: key "${k.id}" already exists`);
          await store.hub.putMatchKey(k);
          await store.audit.append({ actor: cliActor(), org: null, action: "match.key.new", target: k.id, detail: {} });
          process.stdout.write(`${k.id}\n`);
        }),
      ),
    );
  dbOption(key.command("list"))
    .description("list keys with their state (never the secrets)")
    .option("--json", "JSON lines")
    .action(async (o: { db?: string; json?: boolean }) =>
      withStore(o.db, async (store) => {
        for (const k of await store.hub.listMatchKeys()) {
          const row = { id: k.id, createdAt: k.createdAt, retiredAt: k.retiredAt, state: k.retiredAt ? "retired" : "active" };
          process.stdout.write(o.json ? `${JSON.stringify(row)}\n` : `${row.id}\t${row.state}\tcreated ${row.createdAt}${row.retiredAt ? `\tretired ${row.retiredAt}` : ""}\n`);
        }
      }),
    );
  dbOption(key.command("retire"))
    .description("retire a key: uploads made with it are refused from now on")
    .argument("<id>")
    .action(async (id: string, o: { db?: string }) =>
      withStore(o.db, async (store) => {
        if (!(await store.hub.retireMatchKey(id, new Date().toISOString()))) throw new CliError(`threadline match: no active key "${id}"`);
        await store.audit.append({ actor: cliActor(), org: null, action: "match.key.retire", target: id, detail: {} });
        process.stderr.write(`match: key ${id} retired\n`);
      }),
    );
  dbOption(key.command("export"))
    .description("write an active key's file for members (keep it secret: it lets anyone holding it test guesses against uploads)")
    .argument("<id>")
    .requiredOption("--out <file>", "key file to write (created with mode 600; never overwritten)")
    .action(async (id: string, o: { db?: string; out: string }) =>
      cli(() =>
        withStore(o.db, async (store) => {
          const k = (await store.hub.listMatchKeys()).find((x) => x.id === id);
          if (!k) throw new CliError(`threadline match: no key "${id}"`);
          writeNew(o.out, `${JSON.stringify(toKeyFile(k), null, 2)}\n`, 0o600);
          await store.audit.append({ actor: cliActor(), org: null, action: "match.key.export", target: id, detail: {} });
          process.stderr.write(`match: key ${id} written to ${o.out}\n`);
        }),
      ),
    );
}

export function registerMatch(program: Command): void {
  const match = program.command("match").description("privacy-preserving matching of members' phones, emails and names against the hub's ads");
  registerKey(match);
  match
    .command("encode")
    .description("member side, no database: normalize and hash the chosen CSV columns into an upload file")
    .requiredOption("--key <file>", "key file from the hub operator")
    .requiredOption("--in <file>", "CSV with a header row")
    .requiredOption("--out <file>", "upload file to write (never overwritten)")
    .option("--column <kind[=header]>", "a column to encode: phone, email or name, optionally =its header (repeatable; default: headers named phone/email/name)", (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option("--ref-column <header>", "column with your own row id to send as the reference (default: the CSV line number); never a value column")
    .action(async (o: EncodeOptions) => {
      await encodeCommand(o);
    });
  dbOption(match.command("run"))
    .description("hub side: match an upload against the ads ORG may see; prints the result (network ids, counts, risk) as JSON")
    .argument("<upload>", "upload file (threadline-match/1)")
    .requiredOption("--org <org>", "the member organization asking (its view of the hub's ads is matched)")
    .option("--threshold <dice>", "Dice threshold for names, in (0, 1]", "0.85")
    .action(async (upload: string, o: RunOptions) => runCommand(upload, o));
}
