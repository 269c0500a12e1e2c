#!/usr/bin/env -S node --max-semi-space-size=64
/**
 * The `threadline` command: one module per command, each a thin face over the library.
 *
 * The shebang gives V8 a 64 MB semi-space (16 MB by default): the link stage's page loop makes short-lived records
 * by the million, and with the default many survive a scavenge and are copied (garbage collection was 14% of its
 * main thread at 1M ads; 1M link measured 68.1 s without, 64.5 s with). A program cannot set this for itself once
 * started, and a worker thread's young generation stops at half of it. `npm start` passes the same flag.
 */
import { Command, CommanderError } from "commander";
import { registerAdmin } from "./admin.js";
import { registerAnalyze } from "./analyze.js";
import { registerAudit } from "./audit.js";
import { CliError, setInvocation } from "./common.js";
import { registerDemo } from "./demo.js";
import { registerEval } from "./eval.js";
import { registerExport } from "./export.js";
import { registerExtract } from "./extract.js";
import { registerIngest } from "./ingest.js";
import { registerInspect } from "./inspect.js";
import { registerLink } from "./link.js";
import { registerMatch } from "./match.js";
import { registerPublish } from "./publish.js";
import { registerRetention } from "./retention.js";
import { registerServe } from "./serve.js";
import { registerSynth } from "./synth.js";

export function buildProgram(): Command {
  const program = new Command("threadline")
    .description("Threadline: link online ads to the operators behind them (synthetic data only in this repo)")
    .version("0.1.0")
    .showHelpAfterError()
    .hook("preAction", (_top, action) => {
      const path: string[] = [];
      for (let c: Command | null = action; c && c.parent; c = c.parent) path.unshift(c.name());
      setInvocation(path.join("."), process.argv.slice(2));
    });
  registerDemo(program);
  registerSynth(program);
  registerIngest(program);
  registerExtract(program);
  registerLink(program);
  registerServe(program);
  registerExport(program);
  registerEval(program);
  registerInspect(program);
  registerAnalyze(program);
  registerAdmin(program);
  registerAudit(program);
  registerRetention(program);
  registerMatch(program);
  registerPublish(program);
  return program;
}

async function main(): Promise<void> {
  try {
    await buildProgram().parseAsync(process.argv);
  } catch (e) {
    if (e instanceof CommanderError) process.exit(e.exitCode);
    const msg = e instanceof CliError ? e.message : `threadline: ${(e as Error).stack ?? String(e)}`;
    process.stderr.write(`${msg}\n`);
    process.exit(1);
  }
}

await main();
