/** `threadline demo` — what `npm start` runs: the whole pipeline on a fresh synthetic corpus. */
import type { Command } from "commander";
import { formatEvalReport } from "../eval/index.js";
import { runDemo } from "../pipeline/demo.js";
import { DEMO_USER } from "../hub/demo.js";
import { loginLink } from "./admin.js";
import { fmt, withStore } from "./common.js";
import { formatIngestSummary } from "./ingest.js";
import { formatLinkSummary } from "./link.js";
import { serve } from "./serve.js";

export function registerDemo(program: Command): void {
  program
    .command("demo")
    .description("generate a synthetic corpus, ingest, extract, link and print a summary (fresh ./demo.db)")
    .option("--db <path>", "database file to (re)create", "./demo.db")
    .option("--dir <path>", "where the corpus and its truth file go", "./demo")
    .option("--ads <n>", "corpus size", (v) => Number.parseInt(v, 10), 20_000)
    .option("--seed <n>", "corpus seed", (v) => Number.parseInt(v, 10), 1)
    .option("--serve", "then serve the workbench on http://127.0.0.1:8080 (like `threadline serve`)")
    .action(async (o: { db: string; dir: string; ads: number; seed: number; serve?: boolean }) => {
      process.stderr.write(`demo: SYNTHETIC data only — generating ${fmt(o.ads)} ads (seed ${o.seed})…\n`);
      const r = await runDemo(o);
      const lines = [
        `synth: ${fmt(o.ads)} ads in ${r.synthSeconds.toFixed(1)} s → ${r.corpus} (truth: ${r.truthFile})`,
        formatIngestSummary(r.ingest),
        formatLinkSummary(r.link),
        `analyze: ${fmt(r.analyze.networks)} networks scored for risk (triage signals, not verdicts) — see \`threadline risk --db ${r.db}\``,
        "",
        "how well the networks recover the planted ground truth:",
        formatEvalReport(r.eval),
        "",
        `database: ${r.db} — try: npx threadline stats --db ${r.db}; npx threadline export networks --purpose "look at the demo" --db ${r.db} | head`,
      ];
      process.stdout.write(`${lines.join("\n")}\n`);
      if (o.serve) {
        const base = "http://127.0.0.1:8080";
        const link = await withStore(o.db, (s) => loginLink(s, DEMO_USER, base));
        await serve({
          db: o.db,
          port: 8080,
          host: "127.0.0.1",
          onListen: (url) =>
            process.stderr.write(
              `\ndemo: the workbench (SYNTHETIC data) is at ${url} — open this one-time sign-in link (valid 15 minutes):\n\n  ${link}\n\n` +
                `demo: another link later: npx threadline admin login-link ${DEMO_USER} --db ${o.db} — Ctrl-C to stop\n`,
            ),
        });
      }
    });
}
