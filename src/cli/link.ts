/** `threadline link`, `threadline network ID`, `threadline boilerplate`. */
import type { Command } from "commander";
import type { Fact } from "../domain/fact.js";
import { extractTemplate } from "../link/index.js";
import { linkStore, type LinkSummary } from "../pipeline/link.js";
import { CliError, dbOption, fmt, withStore } from "./common.js";

export function formatLinkSummary(s: LinkSummary): string {
  const kinds = Object.entries(s.linksByKind).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${fmt(n)}`).join(", ");
  const t = Object.entries(s.timings).map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(", ");
  return [
    `link: ${s.mode}${s.reason ? ` (${s.reason})` : ""}: ${fmt(s.newAds)} new ads linked`,
    `link: ${fmt(s.ads)} ads → ${fmt(s.networks)} networks of 2+ ads holding ${fmt(s.adsInNetworks)} ads (largest ${fmt(s.largestNetwork)})`,
    `link: ${fmt(s.links)} links stored (${kinds})`,
    `link: time ${t}`,
  ].join("\n");
}

export function registerLink(program: Command): void {
  dbOption(program.command("link"))
    .description("link ads written by the same operator and resolve them into networks")
    .option("--full", "rebuild the index from scratch instead of linking only the new ads")
    .action(async (o: { db?: string; full?: boolean }) => {
      const s = await withStore(o.db, (store) =>
        linkStore(store, { full: o.full ?? false, onProgress: (n) => process.stderr.isTTY && process.stderr.write(`\rlink: read ${fmt(n)} ads`) }),
      );
      if (process.stderr.isTTY) process.stderr.write("\n");
      process.stdout.write(`${formatLinkSummary(s)}\n`);
    });

  dbOption(program.command("network"))
    .description("a network's members, identifiers, cities over time, and why each ad belongs")
    .argument("<id>", "network id, e.g. N-000042")
    .option("--json", "machine-readable output")
    .action(async (id: string, o: { db?: string; json?: boolean }) => {
      await withStore(o.db, async (store) => {
        const net = await store.getNetwork(id);
        if (!net) throw new CliError(`network: no network "${id}" (see \`threadline export networks\`)`);
        const ads = await store.getAds(net.members.map((m) => m.adId));
        const facts = await store.factsFor(ads.map((a) => a.id));
        const reasons = new Map(net.members.map((m) => [m.adId, m.reason]));
        const idCount = new Map<string, number>();
        for (const list of facts.values()) {
          const seen = new Set<string>();
          for (const f of list as Fact[]) {
            if (!["phone", "email", "handle", "name", "age"].includes(f.kind)) continue;
            const k = `${f.kind} ${f.value}`;
            if (!seen.has(k)) idCount.set(k, (idCount.get(k) ?? 0) + 1);
            seen.add(k);
          }
        }
        const trail: { city: string; from: string; to: string; ads: number }[] = [];
        for (const a of [...ads].sort((x, y) => (x.postedAt ?? "").localeCompare(y.postedAt ?? ""))) {
          const city = a.city ?? "?";
          const day = (a.postedAt ?? "").slice(0, 10);
          const last = trail[trail.length - 1];
          // Sites spell cities differently ("toronto", "Toronto"): one stop, not two.
          if (last && last.city.toLowerCase() === city.toLowerCase()) {
            last.to = day;
            last.ads++;
          } else trail.push({ city, from: day, to: day, ads: 1 });
        }
        const template = extractTemplate(ads.map((a) => `${a.title}\n${a.body}`));
        if (o.json) {
          const out = { ...net, template, identifiers: Object.fromEntries(idCount), trail, ads: ads.map((a) => ({ id: a.id, sourceAdId: a.sourceAdId, source: a.source, postedAt: a.postedAt, city: a.city, title: a.title, reason: reasons.get(a.id) })) };
          return void process.stdout.write(`${JSON.stringify(out)}\n`);
        }
        const lines = [
          `network ${net.id}: ${fmt(net.size)} ads, ${net.firstPosted?.slice(0, 10) ?? "?"} → ${net.lastPosted?.slice(0, 10) ?? "?"}`,
          "",
          "identifiers and aliases (ads):",
          ...[...idCount].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, n]) => `  ${k}  (${n})`),
          "",
          ...(template
            ? [
                `template (${Math.round(100 * template.coverage)}% of the text shared by ${template.texts} ads; slots in braces):`,
                `  ${template.template.slice(0, 600)}`,
                ...template.slots.slice(0, 12).map((s) => `  {${s.index}} ${s.type}, ${s.distinct} distinct: ${s.values.slice(0, 6).map((v) => `${v.value.length > 40 ? `${v.value.slice(0, 40)}…` : v.value} (${v.count})`).join(", ")}`),
                "",
              ]
            : ["template: none (the ads share too little text to make one)", ""]),
          "cities over time:",
          ...trail.slice(0, 40).map((t) => `  ${t.from} → ${t.to}  ${t.city} (${t.ads} ads)`),
          ...(trail.length > 40 ? [`  … ${trail.length - 40} more stops`] : []),
          "",
          "members and why each belongs:",
          ...ads.slice(0, 200).map((a) => `  ${a.sourceAdId}  ${a.postedAt?.slice(0, 10) ?? "?"}  ${(a.city ?? "?").padEnd(12)} ${a.title.slice(0, 40).padEnd(40)}  ${JSON.stringify(reasons.get(a.id))}`),
          ...(ads.length > 200 ? [`  … ${ads.length - 200} more (use --json)`] : []),
          "",
          "Links are leads for an analyst to check, not proof that these ads share an operator.",
        ];
        process.stdout.write(`${lines.join("\n")}\n`);
      });
    });

  dbOption(program.command("boilerplate"))
    .description("site chrome and shared phrases the linker learned from the data and ignores for similarity")
    .option("--limit <n>", "how many phrases", (v) => Number.parseInt(v, 10), 40)
    .action(async (o: { db?: string; limit: number }) => {
      await withStore(o.db, async (store) => {
        const a = await store.getArtifact<{ source: string | null; phrase: string; share: number }[]>("link.boilerplate");
        if (!a) throw new CliError("boilerplate: nothing learned yet — run `threadline link` first");
        process.stdout.write(`learned by link run ${a.runId} at ${a.createdAt}: ${a.data.length} phrases\n`);
        for (const p of a.data.slice(0, o.limit)) {
          process.stdout.write(`${(100 * p.share).toFixed(1).padStart(5)}%  ${(p.source ?? "(all sources)").padEnd(18)} ${p.phrase}\n`);
        }
      });
    });
}
