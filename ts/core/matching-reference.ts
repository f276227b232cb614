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
 * Every such run counts, overlapping ones included: in 'INV 1001' both a document number INV1001 and
 * a document or PO number 1001 are named. (A non-overlapping reading, e.g. leftmost-longest, would make
 * what a memo names depend on which other invoices are still open, so planning again after a plan has
 * been applied could read the memo differently; see the stability note in matching.ts.) Matches come
 * out in memo order: by where they start, and among those starting at the same token, the longer first.
 *
 * Pure module: no N/ imports, no Node APIs, no Intl.
 */

/** Characters that are not part of a token: anything but letters, combining marks and digits. */
const SEPARATORS = /[^\p{L}\p{M}\p{N}]+/gu;
const TOKEN = /[\p{L}\p{M}\p{N}]+/gu;

/** 'INV-1001' → 'INV1001': letters, marks and digits only, uppercased. '' when nothing is left. */
export function normaliseReference(reference: string): string {
  // Fast paths for ASCII (almost every document number): already normal → itself, no allocation.
  const n = reference.length;
  let i = 0;
  for (; i < n; i++) {
    const c = reference.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90))) break;
  }
  if (i === n) return reference;
  let out = reference.slice(0, i);
  for (; i < n; i++) {
    const c = reference.charCodeAt(i);
    if (c >= 128) return reference.replace(SEPARATORS, '').toUpperCase();
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90)) out += reference[i];
    else if (c >= 97 && c <= 122) out += String.fromCharCode(c - 32);
  }
  return out;
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
 * stops extending a run of tokens beyond it). All matches, in memo order (see the module comment).
 */
export function scanMemo(memo: string, has: (normalised: string) => boolean, maxLength: number): MemoMatch[] {
  const out: MemoMatch[] = [];
  if (maxLength <= 0 || memo === '') return out;
  const tokens = memoTokens(memo);
  const here: MemoMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let joined = '';
    for (let j = i; j < tokens.length; j++) {
      joined += tokens[j].text;
      if (joined.length > maxLength) break;
      if (has(joined)) here.push({ normalised: joined, text: memo.slice(tokens[i].start, tokens[j].end), start: tokens[i].start, end: tokens[j].end });
    }
    // Longer first among the matches starting at this token.
    for (let k = here.length - 1; k >= 0; k--) out.push(here[k]);
    here.length = 0;
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
 * '' are ignored; of references with the same normalised form, the first given is reported.
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
