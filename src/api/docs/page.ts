/**
 * `/api/docs`: the OpenAPI document rendered to HTML on the server — no scripts, nothing fetched from elsewhere,
 * every string escaped — so it works under the strict CSP and offline.
 */
type Json = Record<string, unknown>;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const typeOf = (s: unknown): string => {
  if (!s || typeof s !== "object") return "";
  const o = s as Json;
  if (Array.isArray(o.enum)) return o.enum.map(String).join(" | ");
  if (Array.isArray(o.anyOf)) return o.anyOf.map(typeOf).join(" | ");
  if (typeof o.type === "string") return o.format ? `${o.type} (${String(o.format)})` : o.type;
  return "";
};

function schemaBlock(label: string, schema: unknown): string {
  return `<details><summary>${escapeHtml(label)}</summary><pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre></details>`;
}

export function docsPage(doc: Json): string {
  const info = (doc.info ?? {}) as Json;
  const paths = (doc.paths ?? {}) as Record<string, Record<string, Json>>;
  const ops: string[] = [];
  const toc: string[] = [];
  let n = 0;
  for (const [path, methods] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const id = `op${n++}`;
      toc.push(`<li><a href="#${id}"><code class="m-${escapeHtml(method)}">${escapeHtml(method.toUpperCase())}</code> ${escapeHtml(path)}</a></li>`);
      const params = (op.parameters ?? []) as Json[];
      const rows = params
        .map((p) => `<tr><td><code>${escapeHtml(String(p.name))}</code></td><td>${escapeHtml(String(p.in))}</td><td>${p.required ? "yes" : ""}</td><td>${escapeHtml(typeOf(p.schema))}</td><td>${escapeHtml(String(p.description ?? ""))}</td></tr>`)
        .join("");
      const body = op.requestBody as Json | undefined;
      const responses = Object.entries((op.responses ?? {}) as Record<string, Json>)
        .map(([status, r]) => {
          const content = (r.content ?? {}) as Record<string, Json>;
          const types = Object.keys(content);
          const schema = types.length ? content[types[0]].schema : undefined;
          const head = `${status} — ${String(r.description ?? "")}${types.length ? ` (${types.join(", ")})` : ""}`;
          return schema ? schemaBlock(head, schema) : `<p>${escapeHtml(head)}</p>`;
        })
        .join("");
      ops.push(`<section id="${id}"><h2><code class="m-${escapeHtml(method)}">${escapeHtml(method.toUpperCase())}</code> ${escapeHtml(path)}</h2>
<p>${escapeHtml(String(op.summary ?? ""))}</p>${op.description ? `<p>${escapeHtml(String(op.description))}</p>` : ""}
${rows ? `<table><thead><tr><th>name</th><th>in</th><th>required</th><th>type</th><th>description</th></tr></thead><tbody>${rows}</tbody></table>` : ""}
${body ? schemaBlock("Request body (application/json)", ((body.content as Record<string, Json>)["application/json"] ?? {}).schema) : ""}
<h3>Responses</h3>${responses}</section>`);
    }
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(String(info.title ?? "API"))} — reference</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem;color:#1d2330}
code,pre{font:13px ui-monospace,monospace}pre{background:#f4f5f7;padding:.75rem;overflow:auto;max-height:30rem}
table{border-collapse:collapse;width:100%;font-size:14px}td,th{border-bottom:1px solid #dde;padding:.25rem .5rem;text-align:left;vertical-align:top}
section{border-top:1px solid #ccd;margin-top:1.5rem}h2{font-size:1.1rem}.m-get{color:#0a6a2f}.m-post{color:#8a4b00}.m-delete{color:#a4161a}
summary{cursor:pointer}</style></head><body>
<h1>${escapeHtml(String(info.title ?? "API"))} <small>${escapeHtml(String(info.version ?? ""))}</small></h1>
<p>${escapeHtml(String(info.description ?? ""))}</p><p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${escapeHtml(String(doc.openapi ?? ""))}).</p>
<nav><ul>${toc.join("")}</ul></nav>${ops.join("\n")}</body></html>`;
}
