/**
 * The evidence ZIP: `manifest.json` (case, networks, every ad's provenance and the SHA-256 of its file),
 * `ads/<id>.json` (the ad's exact text and provenance), `SHA256SUMS` (so `sha256sum -c SHA256SUMS` verifies every
 * file) and a README. Deterministic file order; fixed timestamps inside the archive.
 */
import { createHash } from "node:crypto";
import yazl from "yazl";
import type { ExportManifest } from "../../shared/api-types.js";
import { NOTICE, type Evidence } from "./evidence.js";

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

export async function evidenceZip(ev: Evidence): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const mtime = new Date(Date.parse(ev.generatedAt));
  const files: { path: string; data: Buffer }[] = [];
  const items: ExportManifest["items"] = [];
  for (const e of ev.ads) {
    const a = e.ad;
    const path = `ads/${a.id}.json`;
    const data = Buffer.from(
      `${JSON.stringify({ id: a.id, title: a.title, body: a.body, postedAt: a.postedAt, city: a.city, region: a.region, phone: a.phone, email: a.email, images: a.images, networkId: e.networkId, provenance: e.provenance, indicators: e.indicators }, null, 2)}\n`,
      "utf8",
    );
    files.push({ path, data });
    items.push({ adId: a.id, path, sha256: sha256(data), provenance: e.provenance });
  }
  const manifest: ExportManifest = {
    format: "threadline-case-export/1",
    generatedAt: ev.generatedAt,
    purpose: ev.purpose,
    exportedBy: ev.exportedBy,
    org: ev.org,
    notice: NOTICE,
    case: { id: ev.case.id, title: ev.case.title, description: ev.case.description, createdAt: ev.case.createdAt },
    networks: ev.networks.map((n) => ({ id: n.id, size: n.size, firstPosted: n.firstPosted, lastPosted: n.lastPosted, adIds: n.adIds })),
    items,
    notes: ev.notes,
  };
  files.unshift({ path: "manifest.json", data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, "utf8") });
  const readme = [
    `Threadline case export: case ${ev.case.id}, generated ${ev.generatedAt}.`,
    `Exported by: ${ev.exportedBy} (organization ${ev.org})`,
    `Purpose: ${ev.purpose}`,
    ev.truncated ? "NOTE: the case holds more ads than one export carries; this export is cut." : "",
    "",
    NOTICE,
    "",
    "Verify: `sha256sum -c SHA256SUMS` checks every file; manifest.json lists each ad file's SHA-256 and the ad's",
    "provenance (source, URL, capture time, and the content hash computed when the ad was ingested).",
    "",
  ].join("\n");
  files.push({ path: "README.txt", data: Buffer.from(readme, "utf8") });
  const sums = files.map((f) => `${sha256(f.data)}  ${f.path}`).join("\n");
  files.push({ path: "SHA256SUMS", data: Buffer.from(`${sums}\n`, "utf8") });
  for (const f of files) zip.addBuffer(f.data, f.path, { mtime });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(typeof c === "string" ? Buffer.from(c) : c);
  return Buffer.concat(chunks);
}
