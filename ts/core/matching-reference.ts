/**
 * Document references in free text (the REFERENCE rule of deposit auto-apply, see matching.ts).
 *
 * A reference (an invoice's document number or PO number) is compared after normalisation: every
 * character that is not a letter, a combining mark or a digit is removed and the rest is uppercased
 * (String.prototype.toUpperCase, not locale-dependent): 'INV-1001', 'inv 1001' and 'INV1001' all
 * normalise to 'INV1001'.
 *
 * A memo is read as a sequence of tokens: maximal runs of letters, combining marks and digits
 * (anything else, whitespace or punctuation, separates tokens). A reference occurs in the memo where a
 * run of consecutive tokens, uppercased and concatenated, equals the normalised reference exactly. A
 * match therefore always starts and ends on token boundaries: 'INV-10012' (tokens INV, 10012) does not
 * contain INV1001, and neither does 'XINV1001' or 'INV1001A'; 'INV 1001', 'inv-1001' and 'INV/1001' do.
 *
 * Overlaps are resolved leftmost-longest: scanning from the first token, the longest reference that
 * starts at the current token is taken and scanning resumes after its last token; tokens that start no
 * reference are skipped. So in 'INV-1001' the tokens are consumed by INV1001 and a PO number '1001' of
 * another invoice is not also read into it. Matches come out in memo order.
 *
 * Pure module: no N/ imports, no Node APIs, no Intl.
 */

/** Characters that are not part of a token: anything but letters, combining marks and digits. */
const SEPARATORS = /[^\p{L}\p{M}\p{N}]+/gu;
const TOKEN = /[\p{L}\p{M}\p{N}]+/gu;

/** 'INV-1001' → 'INV1001': letters, marks and digits only, uppercased. '' when nothing is left. */
export function normaliseReference(reference: string): string {
  return reference.replace(SEPARATORS, '').toUpperCase();
}

/** A token of a memo: its uppercased text and where it is in the memo (UTF-16 offsets, end exclusive). */
export interface MemoToken {
  text: string;
  start: number;
  end: number;
}

/** The tokens of a memo, uppercased, with their positions. */
export function memoTokens(memo: string): MemoToken[] {
  const out: MemoToken[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(memo); m !== null; m = TOKEN.exec(memo)) {
    out.push({ text: m[0].toUpperCase(), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** A reference found in a memo. */
export interface MemoMatch {
  /** The normalised reference that matched. */
  normalised: string;
  /** The memo text that matched, as written ('inv 1001'). */
  text: string;
  /** Offsets of that text in the memo (end exclusive). */
  start: number;
  end: number;
}

/**
 * Scans a memo for references (internal form used by the engine): `has(normalised)` says whether a
 * normalised string is a known reference and `maxLength` is the length of the longest one (the scan
 * stops extending a run of tokens beyond it). Leftmost-longest, in memo order.
 */
export function scanMemo(memo: string, has: (normalised: string) => boolean, maxLength: number): MemoMatch[] {
  const out: MemoMatch[] = [];
  if (maxLength <= 0 || memo === '') return out;
  const tokens = memoTokens(memo);
  let i = 0;
  while (i < tokens.length) {
    let joined = '';
    let best = -1;
    let bestText = '';
    for (let j = i; j < tokens.length; j++) {
      joined += tokens[j].text;
      if (joined.length > maxLength) break;
      if (has(joined)) {
        best = j;
        bestText = joined;
      }
    }
    if (best < 0) {
      i += 1;
      continue;
    }
    const start = tokens[i].start;
    const end = tokens[best].end;
    out.push({ normalised: bestText, text: memo.slice(start, end), start, end });
    i = best + 1;
  }
  return out;
}

/** A reference found in a memo, with the reference it came from. */
export interface MemoReference extends MemoMatch {
  /** The first of the given references with this normalised form, as given ('INV-1001'). */
  reference: string;
}

/**
 * The given references that occur in the memo, in memo order (a reference named twice is returned
 * twice), with the memo text that matched: memoReferences('paid inv 1001, INV-1002', ['INV-1001',
 * 'INV-1002', 'INV-100']) → INV-1001 ('inv 1001'), INV-1002 ('INV-1002'). References that normalise to
 * '' are ignored.
 */
export function memoReferences(memo: string, references: Iterable<string>): MemoReference[] {
  const byNorm = new Map<string, string>();
  let maxLength = 0;
  for (const r of references) {
    const n = normaliseReference(r);
    if (n === '' || byNorm.has(n)) continue;
    byNorm.set(n, r);
    if (n.length > maxLength) maxLength = n.length;
  }
  return scanMemo(memo, (n) => byNorm.has(n), maxLength).map((m) => ({ ...m, reference: byNorm.get(m.normalised)! }));
}
