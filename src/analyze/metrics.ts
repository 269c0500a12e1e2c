/** Ranking metrics for risk scores. */

/**
 * ROC AUC by the Mann–Whitney statistic (ties count one half). NaN when a class is empty.
 *
 * @example
 * rocAuc([0.9, 0.1], [true, false]); // 1
 */
export function rocAuc(scores: ArrayLike<number>, positive: ArrayLike<boolean>): number {
  const idx = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let pos = 0;
  let neg = 0;
  let rankSum = 0;
  let i = 0;
  while (i < idx.length) {
    let j = i;
    while (j + 1 < idx.length && scores[idx[j + 1]] === scores[idx[i]]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (positive[idx[k]]) { pos++; rankSum += rank; } else neg++;
    i = j + 1;
  }
  if (pos === 0 || neg === 0) return Number.NaN;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** Share of positives among the k highest scores (ties broken by input order). */
export function precisionAtK(scores: ArrayLike<number>, positive: ArrayLike<boolean>, k: number): number {
  const idx = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
  const top = idx.slice(0, k);
  if (top.length === 0) return Number.NaN;
  return top.filter((i) => positive[i]).length / top.length;
}
