/*
 * Threadline's FTS5 ranking functions, loaded into better-sqlite3's SQLite as an extension.
 *
 * tl_bm25(fts, counts, w0, w1, ...) is FTS5's own bm25() (same k1, b, weights and IDF formula) except that each
 * phrase's document count can be given in `counts` ("n0,n1,..."). The built-in bm25() counts them on every query
 * by scanning each phrase's whole doclist (~27 ns a document: 3-12 ms for a common word in a million ads), before
 * the first row; the API caches the counts per data version. Counts missing, or not one per phrase, are counted
 * here exactly as bm25() counts them. "n0,n1,...|R,T" also takes R documents and T tokens out of the table's
 * totals (the documents hidden from the viewer, whose words must not shape the ranking they see).
 *
 * tl_phrase_docs(fts) returns that count for every phrase of the query, as "n0,n1,...".
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT1

typedef struct Rank {
  int nPhrase;
  double avgdl;
  double *aIDF;
  double *aFreq;
} Rank;

static int countCb(const Fts5ExtensionApi *api, Fts5Context *fts, void *ctx) {
  (void)api;
  (void)fts;
  (*(sqlite3_int64 *)ctx)++;
  return SQLITE_OK;
}

/* Parses up to `max` comma-separated non-negative integers from *ps into out, stopping at `stop` or the end. */
static int parseList(const char **ps, char stop, sqlite3_int64 *out, int max) {
  const char *s = *ps;
  int i = 0;
  while (*s && *s != stop) {
    char *end;
    if (i == max || *s < '0' || *s > '9') return -1;
    out[i++] = strtoll(s, &end, 10);
    s = end;
    if (*s == ',') s++;
    else if (*s && *s != stop) return -1;
  }
  *ps = s;
  return i;
}

/* Parses "n0,n1,...[|R,T]": 1 if it holds exactly n counts (and, after '|', exactly two totals to take out). */
static int parseCounts(const char *s, sqlite3_int64 *out, int n, sqlite3_int64 *less) {
  less[0] = less[1] = 0;
  if (s == 0 || *s == 0) return 0;
  if (parseList(&s, '|', out, n) != n) return 0;
  if (*s == '|') {
    s++;
    if (parseList(&s, 0, less, 2) != 2) return 0;
  }
  return 1;
}

static int rankData(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_value *counts, Rank **out) {
  Rank *p = (Rank *)api->xGetAuxdata(fts, 0);
  int rc = SQLITE_OK, i;
  sqlite3_int64 nRow = 0, nToken = 0, *given = 0;
  if (p) {
    *out = p;
    return SQLITE_OK;
  }
  int nPhrase = api->xPhraseCount(fts);
  p = (Rank *)sqlite3_malloc64(sizeof(Rank) + sizeof(double) * 2 * (nPhrase + 1) + sizeof(sqlite3_int64) * (nPhrase + 1));
  if (!p) return SQLITE_NOMEM;
  memset(p, 0, sizeof(Rank));
  p->nPhrase = nPhrase;
  p->aIDF = (double *)&p[1];
  p->aFreq = &p->aIDF[nPhrase + 1];
  given = (sqlite3_int64 *)&p->aFreq[nPhrase + 1];
  sqlite3_int64 less[2];
  rc = api->xRowCount(fts, &nRow);
  if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &nToken);
  int useGiven = rc == SQLITE_OK && parseCounts((const char *)sqlite3_value_text(counts), given, nPhrase, less);
  if (useGiven && less[0] < nRow && less[1] < nToken) {
    nRow -= less[0];
    nToken -= less[1];
  }
  if (rc == SQLITE_OK) p->avgdl = (double)nToken / (double)nRow;
  for (i = 0; rc == SQLITE_OK && i < nPhrase; i++) {
    sqlite3_int64 nHit = 0;
    if (useGiven) nHit = given[i];
    else rc = api->xQueryPhrase(fts, i, (void *)&nHit, countCb);
    if (rc == SQLITE_OK) {
      double idf = log((nRow - nHit + 0.5) / (nHit + 0.5));
      if (idf <= 0.0) idf = 1e-6;
      p->aIDF[i] = idf;
    }
  }
  if (rc == SQLITE_OK) rc = api->xSetAuxdata(fts, p, sqlite3_free);
  else sqlite3_free(p);
  if (rc == SQLITE_OK) *out = p;
  return rc;
}

static void tlBm25(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int nVal, sqlite3_value **apVal) {
  const double k1 = 1.2, b = 0.75;
  Rank *p = 0;
  int rc, nInst = 0, i, nTok = 0;
  double score = 0.0;
  if (nVal < 1) {
    sqlite3_result_error(ctx, "tl_bm25: expected (fts, counts, weights...)", -1);
    return;
  }
  rc = rankData(api, fts, apVal[0], &p);
  if (rc == SQLITE_OK) {
    memset(p->aFreq, 0, sizeof(double) * p->nPhrase);
    rc = api->xInstCount(fts, &nInst);
  }
  for (i = 0; rc == SQLITE_OK && i < nInst; i++) {
    int ip, ic, io;
    rc = api->xInst(fts, i, &ip, &ic, &io);
    if (rc == SQLITE_OK) p->aFreq[ip] += (nVal - 1 > ic) ? sqlite3_value_double(apVal[ic + 1]) : 1.0;
  }
  if (rc == SQLITE_OK) rc = api->xColumnSize(fts, -1, &nTok);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  for (i = 0; i < p->nPhrase; i++) {
    double f = p->aFreq[i];
    score += p->aIDF[i] * ((f * (k1 + 1.0)) / (f + k1 * (1 - b + b * (double)nTok / p->avgdl)));
  }
  sqlite3_result_double(ctx, -1.0 * score);
}

static void tlPhraseDocs(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int nVal, sqlite3_value **apVal) {
  (void)nVal;
  (void)apVal;
  int nPhrase = api->xPhraseCount(fts), i, rc = SQLITE_OK;
  sqlite3_str *out = sqlite3_str_new(0);
  for (i = 0; rc == SQLITE_OK && i < nPhrase; i++) {
    sqlite3_int64 nHit = 0;
    rc = api->xQueryPhrase(fts, i, (void *)&nHit, countCb);
    sqlite3_str_appendf(out, i ? ",%lld" : "%lld", nHit);
  }
  char *s = sqlite3_str_finish(out);
  if (rc != SQLITE_OK) {
    sqlite3_free(s);
    sqlite3_result_error_code(ctx, rc);
  } else {
    sqlite3_result_text(ctx, s ? s : "", -1, sqlite3_free);
  }
}

static fts5_api *ftsApi(sqlite3 *db) {
  fts5_api *api = 0;
  sqlite3_stmt *st = 0;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, 0) == SQLITE_OK) {
    sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", 0);
    sqlite3_step(st);
  }
  sqlite3_finalize(st);
  return api;
}

#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_tlfts_init(sqlite3 *db, char **err, const sqlite3_api_routines *routines) {
  SQLITE_EXTENSION_INIT2(routines);
  fts5_api *api = ftsApi(db);
  if (!api || api->iVersion < 2) {
    *err = sqlite3_mprintf("tl_fts: FTS5 is not available");
    return SQLITE_ERROR;
  }
  int rc = api->xCreateFunction(api, "tl_bm25", 0, tlBm25, 0);
  if (rc == SQLITE_OK) rc = api->xCreateFunction(api, "tl_phrase_docs", 0, tlPhraseDocs, 0);
  return rc;
}
