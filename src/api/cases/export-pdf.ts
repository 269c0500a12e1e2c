/**
 * The evidence PDF: notice, case summary and notes, each network (risk, indicators with reasons and sources,
 * cities over time), then every ad with its source URL, capture time, content hash and text. Standard PDF fonts
 * cover Latin-1 only, so other characters print as "?" here; the ZIP export carries the exact text.
 */
import PDFDocument from "pdfkit";
import { NOTICE, type Evidence } from "./evidence.js";

/** Standard-font safe text: Latin-1 printable characters, others as "?". */
export function pdfText(s: string): string {
  return s.replace(/[^\t\n\x20-\x7e\xa0-\xff]/gu, "?");
}

export async function evidencePdf(ev: Evidence): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 50, info: { Title: pdfText(`Threadline case ${ev.case.id}: ${ev.case.title}`), Producer: "Threadline", CreationDate: new Date(Date.parse(ev.generatedAt)) } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((res, rej) => {
    doc.on("end", () => res());
    doc.on("error", rej);
  });
  const h = (t: string, size = 14) => doc.moveDown(0.6).font("Helvetica-Bold").fontSize(size).text(pdfText(t)).font("Helvetica").fontSize(10);
  const p = (t: string) => doc.font("Helvetica").fontSize(10).text(pdfText(t));
  const kv = (k: string, v: string | number | null) => doc.font("Helvetica-Bold").fontSize(9).text(`${k}: `, { continued: true }).font("Helvetica").text(pdfText(v === null ? "-" : String(v)));

  doc.font("Helvetica-Bold").fontSize(18).text(pdfText(`Case ${ev.case.id}: ${ev.case.title}`));
  doc.moveDown(0.5).rect(doc.x, doc.y, 495, 62).stroke();
  doc.moveDown(0.3).font("Helvetica-Bold").fontSize(10).text("Triage signals, not verdicts", { indent: 6 }).font("Helvetica").fontSize(9).text(NOTICE, { indent: 6, width: 480 });
  doc.moveDown(1);
  kv("Generated", ev.generatedAt);
  kv("Exported by", `${ev.exportedBy} (organization ${ev.org})`);
  kv("Purpose", ev.purpose);
  kv("Created", ev.case.createdAt);
  kv("Networks", ev.networks.length);
  kv("Ads", ev.ads.length + (ev.truncated ? " (export cut: the case holds more)" : ""));
  if (ev.case.description) {
    h("Summary", 12);
    p(ev.case.description);
  }
  if (ev.notes.length) {
    h("Notes", 12);
    for (const n of ev.notes) p(`${n.createdAt}  ${n.text}`);
  }
  for (const n of ev.networks) {
    h(`Network ${n.id}: ${n.size} ads`);
    kv("Active", `${n.firstPosted ?? "?"} to ${n.lastPosted ?? "?"}`);
    kv("Risk", n.risk ? `${n.risk.level} (${n.risk.score.toFixed(2)})` : "not scored");
    if (n.indicators.length) {
      doc.moveDown(0.3).font("Helvetica-Bold").fontSize(10).text("Indicators and reasons");
      for (const i of n.indicators.slice(0, 30)) p(`- ${i.label} [${i.evidence}${i.source ? `, source: ${i.source}` : ""}]: ${i.reason}`);
    }
    if (n.trail.length) {
      doc.moveDown(0.3).font("Helvetica-Bold").fontSize(10).text("Cities over time");
      for (const t of n.trail.slice(0, 60)) p(`${t.from} to ${t.to}  ${t.city}${t.province ? `, ${t.province}` : ""} (${t.ads} ads)`);
      if (n.trail.length > 60) p(`... ${n.trail.length - 60} more stops`);
    }
  }
  h("Ads");
  for (const e of ev.ads) {
    const a = e.ad;
    doc.moveDown(0.5).font("Helvetica-Bold").fontSize(11).text(pdfText(`Ad ${a.id}: ${a.title || "(no title)"}`));
    kv("Source", `${e.provenance.source} / ${e.provenance.sourceAdId}`);
    kv("URL", e.provenance.url);
    kv("Captured", e.provenance.capturedAt);
    kv("Posted", a.postedAt);
    kv("City", a.city);
    kv("Content hash (SHA-256)", `${e.provenance.contentHash} (version ${e.provenance.version})`);
    kv("Network", e.networkId);
    if (e.indicators.length) kv("Indicators", e.indicators.map((i) => `${i.label} [${i.evidence}${i.source ? `, ${i.source}` : ""}]`).join("; "));
    doc.moveDown(0.2).font("Helvetica").fontSize(9).text(pdfText(a.body.length > 3000 ? `${a.body.slice(0, 3000)} ... (cut; full text in the ZIP export)` : a.body));
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
