/**
 * The ranking measures of the evaluation, each over one query's ranked answer (ids,
 * best first) and that query's ground truth. A query without ground truth has no
 * value (null) and is left out of the means, never counted as 0 or 1.
 */

/** Share of the relevant ids found in the first k answers: |top-k ∩ relevant| / |relevant|. */
export function recallAtK(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number | null {
  if (relevant.size === 0) return null;
  return ranked.slice(0, k).filter((id) => relevant.has(id)).length / relevant.size;
}

/**
 * Normalised discounted cumulative gain of the first k answers with binary relevance:
 * Σ rel(i) / log2(i + 1) over ranks i = 1..k, divided by the same sum for an ideal
 * ranking (every relevant id first, as many as fit in k).
 */
export function ndcgAtK(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number | null {
  if (relevant.size === 0) return null;
  const dcg = ranked.slice(0, k).reduce((sum, id, index) => sum + (relevant.has(id) ? 1 / Math.log2(index + 2) : 0), 0);
  let ideal = 0;
  for (let index = 0; index < Math.min(k, relevant.size); index += 1) ideal += 1 / Math.log2(index + 2);
  return dcg / ideal;
}

/** 1 / the rank of `target` (1 for first), 0 when it is not in the answer. */
export function reciprocalRank(ranked: readonly string[], target: string): number {
  const index = ranked.indexOf(target);
  return index < 0 ? 0 : 1 / (index + 1);
}

/** 1 when `target` is among the first k answers, else 0. */
export function hitAtK(ranked: readonly string[], target: string, k: number): number {
  const index = ranked.indexOf(target);
  return index >= 0 && index < k ? 1 : 0;
}

/** The mean of the values that are not null, and how many there were; null when none. */
export function meanOf(values: readonly (number | null)[]): { mean: number | null; count: number } {
  const present = values.filter((value): value is number => value !== null);
  return { mean: present.length === 0 ? null : present.reduce((sum, value) => sum + value, 0) / present.length, count: present.length };
}
