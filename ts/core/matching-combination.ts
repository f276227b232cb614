/**
 * Unique subset sums of 2 or 3 amounts (the COMBINATION rule of deposit auto-apply, see matching.ts).
 *
 * Question: among positive integer amounts a[0..n) sorted ascending, is there exactly one set of 2 or
 * 3 distinct positions whose amounts add up to `target`? Sets are distinct by position (by invoice), so
 * two invoices of the same amount make two different sets.
 *
 * Method (sorted two-pointer, no brute force):
 * - only amounts below the target can take part (all are > 0), found by binary search: m candidates;
 * - pairs: one two-pointer sweep over the candidates, O(m);
 * - triples: for each smallest member i (only while a[i] ≤ (target − a[i]) / 2, i.e. 3·a[i] ≤ target) a
 *   two-pointer sweep for the other two, whose upper start only moves down as i grows: O(m²) worst
 *   case, usually far less.
 * The search stops as soon as a second set is found (ambiguous). When a sweep finds a pair at (lo, hi),
 * a neighbour of equal amount (a[lo+1] = a[lo] or a[hi−1] = a[hi], inside the sweep) is itself a second
 * set, which is what lets the sweep step both pointers without missing a second set.
 *
 * Bound: the triple sweeps count their pointer steps; past `stepBudget` steps the search gives up
 * ('gaveUp'), which the engine treats like 'ambiguous' (no application). The default, 50,000 steps,
 * costs about a quarter of a millisecond at worst (~5 ns a step in Node) and always searches completely
 * any set of up to about 316 candidates (m²/2 ≤ 50,000); beyond that the search ends early in practice
 * because many invoices make a second set (ambiguous) likely, and otherwise gives up. A 2-or-3
 * invoice sum that is "unique" among hundreds of open invoices is weak evidence anyway; a customer
 * with many invoices is better served by REFERENCE and OLDEST_FIRST. The pair sweep is O(m) and always
 * complete; a search also ends at once (none) when fewer than two amounts are below the target.
 *
 * Sums are never formed beyond the target: comparisons are written as a[lo] < t − a[hi], so amounts up
 * to Number.MAX_SAFE_INTEGER are handled exactly.
 *
 * Pure module: no N/ imports, no Node APIs.
 */

export type CombinationResult =
  /** Exactly one set: its positions, ascending. */
  | { kind: 'unique'; indices: number[] }
  | { kind: 'none' }
  /** At least two sets. */
  | { kind: 'ambiguous' }
  /** The step budget ran out before the answer was known. */
  | { kind: 'gaveUp'; steps: number };

/** Default bound on the pointer steps of the triple search (per call). */
export const DEFAULT_COMBINATION_STEP_BUDGET = 50_000;

/** Number of leading amounts strictly below `bound` (amounts sorted ascending). */
function countBelow(a: ArrayLike<number>, n: number, bound: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < bound) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The unique set of 2 or 3 positions of `a` (first `n` entries, positive integers sorted ascending)
 * whose amounts add up to `target`, if there is exactly one; see the module comment.
 */
export function uniqueCombination(
  a: ArrayLike<number>,
  target: number,
  stepBudget: number = DEFAULT_COMBINATION_STEP_BUDGET,
  n: number = a.length,
): CombinationResult {
  if (!(target > 1)) return { kind: 'none' };
  const m = countBelow(a, n, target);
  let found: number[] | null = null;

  // Pairs.
  let lo = 0;
  let hi = m - 1;
  while (lo < hi) {
    const need = target - a[hi];
    if (a[lo] < need) lo++;
    else if (a[lo] > need) hi--;
    else {
      if (found !== null || (lo + 1 < hi && (a[lo + 1] === a[lo] || a[hi - 1] === a[hi]))) return { kind: 'ambiguous' };
      found = [lo, hi];
      lo++;
      hi--;
    }
  }

  // Triples: smallest member i, the other two in (i, top].
  let steps = 0;
  let top = m - 1;
  for (let i = 0; i + 2 < m; i++) {
    const t = target - a[i];
    if (a[i] > t - a[i]) break; // 3·a[i] > target: no larger i can be the smallest member
    // The largest member is at most t − a[i + 1]; that bound only decreases as i grows.
    while (top > i + 1 && a[top] > t - a[i + 1]) top--;
    lo = i + 1;
    hi = top;
    while (lo < hi) {
      if (++steps > stepBudget) return { kind: 'gaveUp', steps: stepBudget };
      const need = t - a[hi];
      if (a[lo] < need) lo++;
      else if (a[lo] > need) hi--;
      else {
        if (found !== null || (lo + 1 < hi && (a[lo + 1] === a[lo] || a[hi - 1] === a[hi]))) return { kind: 'ambiguous' };
        found = [i, lo, hi];
        lo++;
        hi--;
      }
    }
  }
  return found === null ? { kind: 'none' } : { kind: 'unique', indices: found };
}
