/** Cases: create, list, read, add/remove items, add notes, and the evidence exports (PDF, ZIP). */
import type { CaseDetail } from "../../shared/api-types.js";
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

async function caseDetail(ctx: ApiContext, id: number): Promise<CaseDetail> {
  const c = await ctx.store.getCase(id);
  if (!c) throw notFound(`case ${id}`);
  const [items, notes] = await Promise.all([ctx.store.caseItems(id), ctx.store.caseNotes(id)]);
  const adIds = items.filter((i) => i.kind === "ad").map((i) => Number(i.ref));
  const ads = new Map((await ctx.store.getAds(adIds)).map((a) => [a.id, a.title]));
  const labels = new Map<string, string | null>();
  for (const i of items) {
    if (i.kind === "ad") labels.set(`ad:${i.ref}`, ads.get(Number(i.ref)) ?? null);
    else {
      const n = await ctx.store.networkRow(i.ref);
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
    handler: async ({ query }) => {
      const after = decodeCursor(query.cursor, CaseCursor);
      const rows = await ctx.store.listCases(after ? after[0] : null, query.limit + 1);
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
    handler: async ({ body }) => {
      const c = await ctx.store.createCase(body.title, body.description);
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
    handler: async ({ params }) => caseDetail(ctx, params.id),
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
    handler: async ({ params, body }) => {
      if (!(await ctx.store.getCase(params.id))) throw notFound(`case ${params.id}`);
      if (body.kind === "ad") {
        if (!/^\d{1,15}$/.test(body.ref) || !(await ctx.store.getAd(Number(body.ref)))) throw invalid("body.ref", `no ad ${JSON.stringify(body.ref)}`);
      } else if (!(await ctx.store.networkRow(body.ref))) throw invalid("body.ref", `no network ${JSON.stringify(body.ref)}`);
      const added = await ctx.store.addCaseItem(params.id, body.kind, body.ref);
      if (!added) throw new ApiError("conflict", `the case already holds ${body.kind} ${body.ref}`);
      return caseDetail(ctx, params.id);
    },
  });

  routes.add({
    method: "DELETE",
    url: "/api/cases/:id/items/:itemId",
    tag: "cases",
    summary: "Remove an item from a case",
    params: CaseItemParams,
    response: null,
    handler: async ({ params }) => {
      if (!(await ctx.store.getCase(params.id))) throw notFound(`case ${params.id}`);
      if (!(await ctx.store.deleteCaseItem(params.id, params.itemId))) throw notFound(`item ${params.itemId} of case ${params.id}`);
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
    handler: async ({ params, body }) => {
      if (!(await ctx.store.getCase(params.id))) throw notFound(`case ${params.id}`);
      await ctx.store.addCaseNote(params.id, body.text);
      return caseDetail(ctx, params.id);
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
    handler: async ({ params, query }, _req, reply) => {
      const ev = await gatherEvidence(ctx, params.id, query.purpose ?? null);
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
    handler: async ({ params, query }, _req, reply) => {
      const ev = await gatherEvidence(ctx, params.id, query.purpose ?? null);
      reply.header("content-disposition", `attachment; filename="threadline-case-${params.id}.zip"`);
      return evidenceZip(ev);
    },
  });
}
