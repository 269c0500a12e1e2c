/**
 * The hub's sharing rules as SQL, bound per statement through named parameters (@all, @org) so one prepared
 * statement serves every viewer. Every read the faces make goes through these predicates (scoped-reads.ts).
 */
import type { ReadScope } from "../../domain/access.js";

/** Named parameters every scoped statement takes as its first bind argument. */
export interface Bind {
  all: 0 | 1;
  org: string;
}

export const bindOf = (s: ReadScope): Bind => ({ all: s.all ? 1 : 0, org: s.org });

/** Record-level: `hub` records, and the viewer organization's own records at any level. */
export const VIS = (a: string): string => `(@all = 1 or ${a}.sharing = 'hub' or ${a}.org_id = @org)`;

/** Aggregate-level: everything but other organizations' `private` records. */
export const AGG = (a: string): string => `(@all = 1 or ${a}.sharing != 'private' or ${a}.org_id = @org)`;

/** A network's size as the viewer sees it: its hub members plus its own organization's (network_restricted). */
export const VSIZE = (n: string): string =>
  `(case when @all = 1 then ${n}.size else ${n}.hub_size + coalesce((select r.visible from network_restricted r where r.network_id = ${n}.id and r.org_id = @org), 0) end)`;

/** Networks with fewer visible members than this are hidden from the viewer (a lone visible ad is not a network to it). */
export const MIN_VISIBLE_NETWORK = 2;
