/** Cases: create, list, read, add/remove items, add notes, and the evidence exports (PDF, ZIP). */
import type { CaseDetail } from "../../shared/api-types.js";
import type { ApiReads } from "../../store/read-model.js";
import type { ApiContext } from "../context.js";
import { decodeCursor, pageOf } from "../pagination.js";
import { ApiError, invalid, notFound } from "../problem.js";
import type { RouteTable } from "../route.js";
import { gatherEvidence } from "./evidence.js";
import { evidencePdf } from "./export-pdf.js";
import { evidenceZip } from "./export-zip.js";
import {
  BinarySchema,
  CaseCreateSchema,
  CaseCursor,
  CaseDetailSchema,
  CaseIdParams,
  CaseItemCreateSchema,
  CaseItemParams,
  CaseNoteCreateSchema,
  CasesPageSchema,
  CasesQuery,
  ExportQuerySchema,
} from "./schema.js";

async function caseDetail(ctx: ApiContext, reads: ApiReads, id: number): Promise<CaseDetail> {
  const c = await reads.getCase(id);
  if (!c) throw notFound(`case ${id}`);
  const [items, notes] = await Promise.all([reads.caseItems(id), reads.caseNotes(id)]);
  const adIds = items.filter((i) => i.kind === "ad").map((i) => Number(i.ref));
  // Titles only of ads the viewer may still see (a shared record may have been made private since).
  const ads = new Map((await Promise.all(adIds.map((id) => reads.adRecord(id)))).flatMap((r) => (r ? [[r.ad.id, r.ad.title] as const] : [])));
  const labels = new Map<string, string | null>();
  for (const i of items) {
    if (i.kind === "ad") labels.set(`ad:${i.ref}`, ads.get(Number(i.ref)) ?? null);
    else {
      const n = await reads.networkRow(i.ref);
      labels.set(`network:${i.ref}`, n ? `${n.size} ads` : null);
    }
  }
  return { ...c, items: items.map((i) => ({ ...i, label: labels.get(`${i.kind}:${i.ref}`) ?? null })), notes };
}

function safeName(s: string): string {
  return s.replace(/[^A-Za-z0-9._-]+/g, "-").slice(0, 60) || "case";
}

export function registerCaseRoutes(routes: RouteTable, ctx: ApiContext): void {
  routes.add({
    method: "GET",
    url: "/api/cases",
    tag: "cases",
    summary: "List cases, newest first",
    query: CasesQuery,
    response: CasesPageSchema,
    access: { roles: ["analyst"] },
    audit: "cases.list",
    handler: async ({ query, reads }) => {
      const after = decodeCursor(query.cursor, CaseCursor);
      const rows = await reads.listCases(after ? after[0] : null, query.limit + 1);
      return pageOf(rows, query.limit, (r) => [r.id], (r) => r);
    },
  });

  routes.add({
    method: "POST",
    url: "/api/cases",
    tag: "cases",
    summary: "Create a case",
    body: CaseCreateSchema,
    response: CaseDetailSchema,
    status: 201,
    access: { roles: ["analyst"] },
    audit: "case.create",
    handler: async ({ body, reads, caller }) => {
      const c = await reads.createCase(body.title, body.description, caller?.viewer.actor ?? null);
      return { ...c, items: [], notes: [] };
    },
  });

  routes.add({
    method: "GET",
    url: "/api/cases/:id",
    tag: "cases",
    summary: "One case with its items and notes",
    params: CaseIdParams,
    response: CaseDetailSchema,
    access: { roles: ["analyst"] },
    audit: "case.read",
    handler: async ({ params, reads }) => caseDetail(ctx, reads, params.id),
  });

  routes.add({
    method: "POST",
    url: "/api/cases/:id/items",
    tag: "cases",
    summary: "Add an ad or a network to a case",
    params: CaseIdParams,
    body: CaseItemCreateSchema,
    response: CaseDetailSchema,
    status: 201,
    access: { roles: ["analyst"] },
    audit: "case.add-item",
    handler: async ({ params, body, reads }) => {
      if (!(await reads.getCase(params.id))) throw notFound(`case ${params.id}`);
      if (body.kind === "ad") {
        if (!/^\d{1,15}$/.test(body.ref) || !(await reads.adRecord(Number(body.ref)))) throw invalid("body.ref", `no ad ${JSON.stringify(body.ref)}`);
      } else if (!(await reads.networkRow(body.ref))) throw invalid("body.ref", `no network ${JSON.stringify(body.ref)}`);
      const added = await reads.addCaseItem(params.id, body.kind, body.ref);
      if (!added) throw new ApiError("conflict", `the case already holds ${body.kind} ${body.ref}`);
      return caseDetail(ctx, reads, params.id);
    },
  });

  routes.add({
    method: "DELETE",
    url: "/api/cases/:id/items/:itemId",
    tag: "cases",
    summary: "Remove an item from a case",
    params: CaseItemParams,
    response: null,
    access: { roles: ["analyst"] },
    audit: "case.remove-item",
    handler: async ({ params, reads }) => {
      if (!(await reads.getCase(params.id))) throw notFound(`case ${params.id}`);
      if (!(await reads.deleteCaseItem(params.id, params.itemId))) throw notFound(`item ${params.itemId} of case ${params.id}`);
    },
  });

  routes.add({
    method: "POST",
    url: "/api/cases/:id/notes",
    tag: "cases",
    summary: "Add a note to a case",
    params: CaseIdParams,
    body: CaseNoteCreateSchema,
    response: CaseDetailSchema,
    status: 201,
    access: { roles: ["analyst"] },
    audit: "case.add-note",
    handler: async ({ params, body, reads }) => {
      if (!(await reads.getCase(params.id))) throw notFound(`case ${params.id}`);
      await reads.addCaseNote(params.id, body.text);
      return caseDetail(ctx, reads, params.id);
    },
  });

  routes.add({
    method: "GET",
    url: "/api/cases/:id/export.pdf",
    tag: "cases",
    summary: "Evidence report (PDF)",
    params: CaseIdParams,
    query: ExportQuerySchema,
    response: BinarySchema,
    produces: "application/pdf",
    access: { roles: ["analyst"] },
    audit: "export.pdf",
    handler: async ({ params, query, reads, caller }, _req, reply) => {
      const ev = await gatherEvidence(ctx, reads, params.id, { purpose: query.purpose, by: caller?.viewer.actor ?? "unknown", org: caller?.viewer.org ?? "" });
      reply.header("content-disposition", `attachment; filename="threadline-case-${params.id}-${safeName(ev.case.title)}.pdf"`);
      return evidencePdf(ev);
    },
  });

  routes.add({
    method: "GET",
    url: "/api/cases/:id/export.zip",
    tag: "cases",
    summary: "Evidence bundle (ZIP: manifest with SHA-256 per item, ad texts, SHA256SUMS)",
    params: CaseIdParams,
    query: ExportQuerySchema,
    response: BinarySchema,
    produces: "application/zip",
    access: { roles: ["analyst"] },
    audit: "export.zip",
    handler: async ({ params, query, reads, caller }, _req, reply) => {
      const ev = await gatherEvidence(ctx, reads, params.id, { purpose: query.purpose, by: caller?.viewer.actor ?? "unknown", org: caller?.viewer.org ?? "" });
      reply.header("content-disposition", `attachment; filename="threadline-case-${params.id}.zip"`);
      return evidenceZip(ev);
    },
  });
}
