/**
 * Evidence export (PDF report or ZIP bundle) behind a dialog that asks why: the purpose (10–500 characters) is
 * required by the API, stamped on the export and written to the audit log. The file is fetched (so a refusal shows
 * as a message, not as a downloaded error document) and handed to the browser as a download.
 */
import { useRef, useState, type FormEvent } from "react";
import { apiUrl, getFile } from "../api";
import { ErrorBox } from "./status";

export const PURPOSE_MIN = 10;
export const PURPOSE_MAX = 500;

type Kind = "pdf" | "zip";
const LABEL: Record<Kind, string> = { pdf: "PDF report", zip: "ZIP bundle" };

function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // the download has its own copy once started; give it a moment before the URL goes
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export function ExportButtons({ caseId }: { caseId: number }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [kind, setKind] = useState<Kind>("pdf");
  const [purpose, setPurpose] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const open = (k: Kind) => {
    setKind(k);
    setProblem(null);
    setFailure(null);
    dialog.current?.showModal();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const p = purpose.trim();
    if (p.length < PURPOSE_MIN) {
      setProblem(`Say why you export this case: at least ${PURPOSE_MIN} characters (now ${p.length}).`);
      return;
    }
    setProblem(null);
    setFailure(null);
    setBusy(true);
    try {
      const f = await getFile(apiUrl(`/cases/${caseId}/export.${kind}`, { purpose: p }), `threadline-case-${caseId}.${kind}`);
      saveFile(f.blob, f.name);
      setDone(`Downloaded ${f.name}.`);
      dialog.current?.close();
    } catch (err) {
      setFailure(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setBusy(false);
    }
  };

  const left = PURPOSE_MAX - purpose.length;
  return (
    <>
      <p className="export-links">
        <button type="button" onClick={() => open("pdf")}>
          Download PDF report
        </button>
        <button type="button" className="secondary" onClick={() => open("zip")}>
          Download ZIP
        </button>
      </p>
      <p className="small" role="status">
        {done}
      </p>
      <dialog ref={dialog} className="dialog" aria-labelledby="export-title">
        <form className="form" onSubmit={submit} noValidate>
          <h2 id="export-title">Export the case as a {LABEL[kind]}</h2>
          <label>
            Purpose of the export
            <textarea
              value={purpose}
              onChange={(e) => setPurpose(e.target.value)}
              rows={3}
              maxLength={PURPOSE_MAX}
              aria-describedby="export-purpose-hint export-purpose-error"
              aria-invalid={problem !== null}
              placeholder="e.g. referral to the provincial anti-trafficking unit, file 2024-117"
            />
          </label>
          <p id="export-purpose-hint" className="hint">
            Required, {PURPOSE_MIN}–{PURPOSE_MAX} characters ({left} left). It is printed in the export and recorded in
            the audit log with your name.
          </p>
          <div id="export-purpose-error" role="alert">
            {problem && <p className="error-text">{problem}</p>}
          </div>
          {failure && <ErrorBox error={failure} />}
          <div className="dialog-actions">
            <button type="submit" disabled={busy}>
              {busy ? "Preparing…" : `Export ${LABEL[kind]}`}
            </button>
            <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
