/**
 * Upload for contributors: a JSONL file of ads (the ingest format) sent to `POST /api/uploads` in chunks of at most
 * 5,000 records, one after the other, with each chunk's counts and every rejected record named by its line.
 */
import { useRef, useState, type FormEvent } from "react";
import type { SharingLevel, UploadResult } from "@shared/api-types";
import { postJson } from "../api";
import { useMe } from "../auth";
import { jsonlChunks } from "../jsonl";
import { ErrorBox } from "../components/status";
import { num } from "../format";

/** The API's cap per request. */
const CHUNK = 5000;
/** Rejects listed on the page; the counts always cover all of them. */
const SHOW_REJECTS = 1000;

const SHARING: { value: SharingLevel; label: string; about: string }[] = [
  { value: "private", label: "Private", about: "only your organization sees these ads" },
  { value: "hub", label: "Hub", about: "every member organization's analysts see these ads" },
  { value: "aggregate", label: "Aggregate", about: "other organizations see them only in counts and maps, never the ads" },
];

interface ChunkRow {
  n: number;
  fromLine: number;
  toLine: number;
  records: number;
  result: UploadResult | null;
  error: Error | null;
}

interface Reject {
  line: number;
  index: number | null;
  id: string | null;
  reason: string;
}

export function UploadPage() {
  const me = useMe();
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [sharing, setSharing] = useState<SharingLevel>(me.defaultSharing);
  const [source, setSource] = useState("");
  const [rows, setRows] = useState<ChunkRow[]>([]);
  const [rejects, setRejects] = useState<Reject[]>([]);
  const [progress, setProgress] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const stop = useRef(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) {
      setProblem("Choose a .jsonl file first.");
      fileRef.current?.focus();
      return;
    }
    setProblem(null);
    setRows([]);
    setRejects([]);
    setBusy(true);
    stop.current = false;
    let n = 0;
    let sent = 0;
    let failed = false;
    try {
      for await (const c of jsonlChunks(file, CHUNK)) {
        const found: Reject[] = c.invalid.map((x) => ({ line: x.line, index: null, id: null, reason: x.reason }));
        const report = () => setRejects((r) => [...r, ...found.sort((a, b) => a.line - b.line)]);
        if (c.records.length === 0) {
          report();
          continue;
        }
        const row: ChunkRow = { n: ++n, fromLine: c.lines[0], toLine: c.lines[c.lines.length - 1], records: c.records.length, result: null, error: null };
        setProgress(`Uploading chunk ${row.n} (lines ${num(row.fromLine)}–${num(row.toLine)}, ${num(row.records)} records)…`);
        try {
          row.result = await postJson<UploadResult>("/api/uploads", { sharing, source: source.trim() || undefined, records: c.records });
          for (const r of row.result.rejects) found.push({ line: c.lines[r.index] ?? 0, index: sent + r.index, id: r.id, reason: r.reason });
        } catch (err) {
          row.error = err instanceof Error ? err : new Error(String(err));
          failed = true;
        }
        sent += c.records.length;
        report();
        setRows((rs) => [...rs, row]);
        if (failed || stop.current) break;
      }
      setProgress(failed ? "Stopped: a chunk failed (see below); the chunks before it went in." : stop.current ? "Stopped after the current chunk, as asked." : "Done.");
    } catch (err) {
      setProgress(`Could not read the file: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(false);
    }
  };

  const failedRow = rows.find((r) => r.error);
  const total = (k: "read" | "new" | "versions" | "unchanged") => rows.reduce((s, r) => s + (r.result?.[k] ?? 0), 0);
  return (
    <section>
      <h1>Upload ads</h1>
      <p className="lede">
        Contribute ads to the hub as {me.orgName}: a JSONL file, one ad per line in the ingest format (<code>id</code>,{" "}
        <code>source</code>, <code>title</code>, <code>body</code>, <code>posted_at</code>, <code>city</code>, …). Ads
        another organization already holds are refused, not changed.
      </p>
      <div className="two-col">
        <form className="card form" onSubmit={submit} noValidate aria-labelledby="upload-form">
          <h2 id="upload-form">File and sharing</h2>
          <label>
            JSONL file
            <input
              ref={fileRef}
              type="file"
              accept=".jsonl,.ndjson,.json,application/x-ndjson,application/jsonl"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              aria-describedby="upload-file-hint"
            />
          </label>
          <p id="upload-file-hint" className="hint">
            Sent in chunks of up to {num(CHUNK)} records; lines that are not JSON are listed and skipped.
          </p>
          <fieldset className="checks">
            <legend>Who may see these ads</legend>
            {SHARING.map((s) => (
              <label key={s.value} className="check">
                <input type="radio" name="sharing" value={s.value} checked={sharing === s.value} onChange={() => setSharing(s.value)} />
                {s.label} <span className="muted small">— {s.about}</span>
              </label>
            ))}
          </fieldset>
          <label>
            Source name <span className="muted">(optional, for records that carry none)</span>
            <input value={source} onChange={(e) => setSource(e.target.value)} maxLength={100} />
          </label>
          <div role="alert">{problem && <p className="error-text">{problem}</p>}</div>
          <p className="export-links">
            <button type="submit" disabled={busy}>
              Upload
            </button>
            {busy && (
              <button type="button" className="secondary" onClick={() => (stop.current = true)}>
                Stop after this chunk
              </button>
            )}
          </p>
        </form>
        <section className="card" aria-labelledby="upload-results">
          <h2 id="upload-results">Results</h2>
          <p role="status" data-testid="upload-progress">
            {progress ?? "Nothing uploaded yet."}
          </p>
          {rows.length > 0 && (
            <p className="small">
              Total: {num(total("read"))} read, {num(total("new"))} new, {num(total("versions"))} new versions,{" "}
              {num(total("unchanged"))} unchanged, {num(rejects.length)} rejected.
            </p>
          )}
          {failedRow?.error && <ErrorBox error={failedRow.error} />}
        </section>
      </div>
      {rows.length > 0 && (
        <section className="card" aria-labelledby="upload-chunks-title">
          <h2 id="upload-chunks-title">Chunks</h2>
          <div className="table-wrap" role="region" aria-labelledby="upload-chunks-title" tabIndex={0}>
            <table data-testid="upload-chunks">
              <thead>
                <tr>
                  <th scope="col">Chunk</th>
                  <th scope="col">Lines</th>
                  <th scope="col" className="num">
                    New
                  </th>
                  <th scope="col" className="num">
                    Versions
                  </th>
                  <th scope="col" className="num">
                    Unchanged
                  </th>
                  <th scope="col" className="num">
                    Rejected
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.n}>
                    <td>{r.n}</td>
                    <td>
                      {num(r.fromLine)}–{num(r.toLine)} ({num(r.records)} records)
                    </td>
                    {r.result ? (
                      <>
                        <td className="num">{num(r.result.new)}</td>
                        <td className="num">{num(r.result.versions)}</td>
                        <td className="num">{num(r.result.unchanged)}</td>
                        <td className="num">{num(r.result.rejects.length)}</td>
                      </>
                    ) : (
                      <td colSpan={4} className="error-text">
                        failed: {r.error?.message}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {rejects.length > 0 && (
        <section className="card" aria-labelledby="upload-rejects">
          <h2 id="upload-rejects">Rejected records ({num(rejects.length)})</h2>
          <p className="small muted">
            By line in the file; “record” counts the file’s records from 0 (lines that are not JSON have none).
            {rejects.length > SHOW_REJECTS && ` The first ${num(SHOW_REJECTS)} are listed.`}
          </p>
          <div className="table-wrap" role="region" aria-labelledby="upload-rejects" tabIndex={0}>
            <table data-testid="upload-rejects">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    Line
                  </th>
                  <th scope="col" className="num">
                    Record <span className="visually-hidden">index</span>
                  </th>
                  <th scope="col">Id</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {rejects.slice(0, SHOW_REJECTS).map((r) => (
                  <tr key={`${r.line}:${r.index ?? "json"}`}>
                    <td className="num">{num(r.line)}</td>
                    <td className="num">{r.index === null ? "—" : num(r.index)}</td>
                    <td className="value">{r.id ?? "—"}</td>
                    <td className="value">{r.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </section>
  );
}
