/**
 * Field values as the web page shows them: select values as the referenced record's name (linked to
 * its page), dates in the company's format, amounts with two decimals, checkboxes Yes/No. Every
 * function returning HTML escapes what it writes.
 */
import type { Emulator } from '../emulator';
import type { FieldInfo, FieldValue } from '../types';
import { dateText, esc, money, recordHref } from './layout';

/** Types that have a page in the local web page (links to others are plain text). */
const LINKABLE = new Set(['customer', 'employee', 'salesorder', 'invoice', 'creditmemo', 'customerdeposit', 'customerpayment', 'depositapplication']);

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

/** The record type a select value points at (transactions resolved by id), or null. */
export function targetType(emu: Emulator, field: FieldInfo | undefined, value: string): string | null {
  const source = field?.source;
  if (!source) return null;
  if (source === 'transaction') return emu.records.txnType(value) ?? null;
  return emu.records.typeInfo(source) ? source : null;
}

/** Display text of a select value (the record's name), falling back to the raw id. */
export function selectText(emu: Emulator, field: FieldInfo | undefined, value: string): string {
  if (!field?.source) return value;
  try {
    return emu.records.displayText(field.source, value) ?? value;
  } catch {
    return value;
  }
}

/** A field value as plain text. */
export function fieldText(emu: Emulator, field: FieldInfo | undefined, value: FieldValue | undefined): string {
  if (isEmpty(value)) return '';
  const fmt = emu.state.company.dateFormat;
  const type = field?.type ?? 'text';
  if (Array.isArray(value)) return value.map((v) => fieldText(emu, field, v)).join(', ');
  switch (type) {
    case 'select':
    case 'multiselect':
      return selectText(emu, field, String(value));
    case 'date':
    case 'datetime':
      return dateText(value, fmt);
    case 'currency':
      return money(value);
    case 'checkbox':
      return value === true || value === 'T' ? 'Yes' : 'No';
    case 'percent':
      return `${String(value)}%`;
    default:
      if (typeof value === 'boolean') return value ? 'Yes' : 'No';
      return String(value);
  }
}

/** A field value as escaped HTML; selects that point at a record with a page become links. */
export function fieldHtml(emu: Emulator, field: FieldInfo | undefined, value: FieldValue | undefined): string {
  if (isEmpty(value)) return '';
  if (Array.isArray(value)) return value.map((v) => fieldHtml(emu, field, v)).join(', ');
  if (field?.type === 'select' || field?.type === 'multiselect') {
    const id = String(value);
    const text = selectText(emu, field, id);
    const t = targetType(emu, field, id);
    if (t && LINKABLE.has(t) && emu.records.exists(t, id)) return `<a href="${esc(recordHref(t, id))}">${esc(text)}</a>`;
    return esc(text);
  }
  return esc(fieldText(emu, field, value));
}

export function isNumericType(type: string | undefined): boolean {
  return type === 'currency' || type === 'float' || type === 'integer' || type === 'percent';
}
