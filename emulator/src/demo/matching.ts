/**
 * Amount matching used to build and to classify unapplied deposits: how many single open invoices,
 * and how many combinations of 2–3 open invoices, have remaining amounts adding up to a given amount.
 * Amounts in integer cents.
 */

export interface MatchCount {
  /** Open invoices whose remaining amount equals the amount. */
  single: number;
  /** Sets of 2 or 3 distinct open invoices whose remaining amounts add up to the amount. */
  combos: number;
}

/**
 * Count matches of `amount` among `remainders` (cents, each > 0). O(n²) with a value index; counts
 * stop growing past `cap` (callers only need 0 / 1 / several).
 */
export function countMatches(remainders: readonly number[], amount: number, cap = 5): MatchCount {
  const n = remainders.length;
  let single = 0;
  const byValue = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const v = remainders[i];
    if (v === amount) single++;
    const list = byValue.get(v);
    if (list) list.push(i);
    else byValue.set(v, [i]);
  }
  let combos = 0;
  for (let i = 0; i < n && combos < cap; i++) {
    const a = remainders[i];
    if (a >= amount) continue;
    for (let j = i + 1; j < n && combos < cap; j++) {
      const b = remainders[j];
      const rest = amount - a - b;
      if (rest === 0) {
        combos++;
        continue;
      }
      if (rest < 0) continue;
      // Third invoice: any index k > j with remainder `rest`.
      const ks = byValue.get(rest);
      if (ks) for (const k of ks) if (k > j) combos++;
    }
  }
  return { single, combos: Math.min(combos, cap) };
}
