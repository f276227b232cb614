/**
 * Record type metadata: the standard record types the emulator models (from
 * emulator/data/standard-records.json, filtered from NetSuite's Records Browser) plus the account's
 * customizations (custom record types, entity and transaction body custom fields, custom lists).
 */
import type { FieldInfo, FieldType, RecordTypeInfo } from '../types';
import standardData from '../../data/standard-records.json';

/* ------------------------------------------------------------------------------------------------ */
/* Customizations (emulator/src/customizations.ts converts parsed SDF objects into this shape).       */

export interface CustomFieldSpec {
  scriptid: string;
  /** SDF fieldtype: CHECKBOX, TEXT, SELECT, CURRENCY, DATE, ... (case-insensitive). */
  fieldtype: string;
  label: string;
  /** '-2' (customer), '[scriptid=customlist_x]', 'customrecord_x', 'customer', ... */
  selectrecordtype?: string;
  /**
   * Custom record fields only: "Record is Parent" (SDF `<isparent>T</isparent>`). The record type the
   * field selects gets a child sublist `recmach<fieldid>` listing the child records.
   */
  isparent?: boolean;
}

/** A child sublist `recmach<fieldid>` of a parent record type (a custom record field marked isparent). */
export interface ChildSublist {
  sublistId: string;
  /** The child custom record type. */
  childType: string;
  /** The child's parent field (its value is the parent's internal id). */
  parentField: string;
}

export interface CustomizationSpec {
  customRecordTypes: {
    scriptid: string;
    name: string;
    fields: (CustomFieldSpec & { mandatory?: boolean })[];
  }[];
  /** appliesTo: record types ('customer', 'employee'). */
  entityFields: (CustomFieldSpec & { appliesTo: string[] })[];
  /** appliesTo: transaction record types ('invoice', 'salesorder', ...). */
  bodyFields: (CustomFieldSpec & { appliesTo: string[] })[];
  customLists: { scriptid: string; values: { scriptid: string; value: string }[] }[];
}

export function emptyCustomizations(): CustomizationSpec {
  return { customRecordTypes: [], entityFields: [], bodyFields: [], customLists: [] };
}

/** A custom list value: internal ids are 1, 2, 3 … in the order the list declares its values. */
export interface CustomListValue {
  id: string;
  scriptid: string;
  value: string;
}

/* ------------------------------------------------------------------------------------------------ */
/* Standard types                                                                                     */

interface DataField {
  id: string;
  type: FieldType;
  label: string;
  required?: boolean;
  derived?: boolean;
  source?: string;
  options?: string[];
  submitFields?: boolean;
}
interface DataType {
  label: string;
  category: 'transaction' | 'other' | 'custom';
  idFamily: string;
  typeCode?: string;
  statusPrefix?: string;
  scripting?: string;
  fields: DataField[];
  sublists: Record<string, DataField[]>;
}

const DATA = standardData as unknown as { types: Record<string, DataType> };

function toFieldInfo(f: DataField): FieldInfo {
  const info: FieldInfo = { id: f.id, type: f.type, label: f.label };
  if (f.required) info.required = true;
  if (f.derived) info.derived = true;
  if (f.source) info.source = f.source;
  if (f.submitFields) info.submitFields = true;
  if (f.options) info.options = [...f.options];
  return info;
}

function standardTypes(): Map<string, RecordTypeInfo> {
  const out = new Map<string, RecordTypeInfo>();
  for (const [type, t] of Object.entries(DATA.types)) {
    const fields: Record<string, FieldInfo> = {};
    for (const f of t.fields) fields[f.id] = toFieldInfo(f);
    const sublists: Record<string, Record<string, FieldInfo>> = {};
    for (const [sid, lf] of Object.entries(t.sublists)) {
      sublists[sid] = {};
      for (const f of lf) sublists[sid][f.id] = toFieldInfo(f);
    }
    const info: RecordTypeInfo = { type, category: t.category, label: t.label, idFamily: t.idFamily, fields, sublists };
    if (t.typeCode) info.typeCode = t.typeCode;
    if (t.statusPrefix) info.statusPrefix = t.statusPrefix;
    out.set(type, info);
  }
  return out;
}

/** Records Browser "scripting" note: 'Create Not Allowed', 'Copy and Create Not Allowed', 'Full'. */
export function scriptingOf(type: string): string {
  return DATA.types[type]?.scripting ?? 'Full';
}

export const TRANSACTION_TYPES = ['salesorder', 'invoice', 'creditmemo', 'customerdeposit', 'customerpayment', 'depositapplication'] as const;
export type TransactionType = (typeof TRANSACTION_TYPES)[number];
export const STANDARD_TYPES = ['currency', 'subsidiary', 'term', 'employee', 'customer', ...TRANSACTION_TYPES] as const;

/** The entity field of a transaction type ('entity' on sales transactions, 'customer' on payments). */
export function entityFieldOf(type: string): 'entity' | 'customer' | null {
  if (type === 'salesorder' || type === 'invoice' || type === 'creditmemo') return 'entity';
  if (type === 'customerdeposit' || type === 'customerpayment' || type === 'depositapplication') return 'customer';
  return null;
}

/* ------------------------------------------------------------------------------------------------ */
/* Custom field types and select sources                                                              */

const SDF_FIELD_TYPES: Record<string, FieldType> = {
  CHECKBOX: 'checkbox',
  CLOBTEXT: 'textarea',
  CURRENCY: 'currency',
  DATE: 'date',
  DATETIMETZ: 'datetime',
  DATETIME: 'datetime',
  EMAIL: 'email',
  FLOAT: 'float',
  INTEGER: 'integer',
  MULTISELECT: 'multiselect',
  PERCENT: 'percent',
  PHONE: 'phone',
  RICHTEXT: 'textarea',
  SELECT: 'select',
  TEXT: 'text',
  FREEFORMTEXT: 'text',
  TEXTAREA: 'textarea',
  LONGTEXT: 'textarea',
  URL: 'url',
  TIMEOFDAY: 'text',
  PASSWORD: 'text',
  HELP: 'text',
  INLINEHTML: 'text',
  IMAGE: 'select',
  DOCUMENT: 'select',
};

export function fieldTypeFromSdf(fieldtype: string): FieldType {
  const t = SDF_FIELD_TYPES[fieldtype.toUpperCase()];
  if (!t) throw new Error(`unknown custom field type '${fieldtype}'`);
  return t;
}

/**
 * Standard record types by SDF negative id. -2 customer, -117 subsidiary, -122 currency are in
 * platform notes; -4 employee and -30 transaction are unconfirmed (FIDELITY.md).
 */
const NEGATIVE_IDS: Record<string, string> = {
  '-2': 'customer',
  '-4': 'employee',
  '-30': 'transaction',
  '-117': 'subsidiary',
  '-122': 'currency',
};

/** The record type, custom list or 'transaction' a select field points at; undefined = free select. */
export function selectSource(selectrecordtype: string | undefined): string | undefined {
  if (!selectrecordtype) return undefined;
  const s = selectrecordtype.trim();
  const m = /^\[scriptid=([^\]]+)\]$/i.exec(s);
  if (m) return m[1].toLowerCase();
  if (NEGATIVE_IDS[s]) return NEGATIVE_IDS[s];
  if (/^-\d+$/.test(s)) return undefined; // a standard list the emulator does not model: free select
  return s.toLowerCase();
}

/* ------------------------------------------------------------------------------------------------ */
/* Schema                                                                                             */

export class Schema {
  private readonly standard = standardTypes();
  private types = new Map<string, RecordTypeInfo>();
  private lists = new Map<string, CustomListValue[]>();
  private spec: CustomizationSpec = emptyCustomizations();
  /** Child sublists by parent type, then sublist id. */
  private children = new Map<string, Map<string, ChildSublist>>();
  /** Incremented by every applyCustomizations (caches of derived metadata compare against it). */
  stamp = 0;

  constructor(spec?: CustomizationSpec) {
    this.applyCustomizations(spec ?? emptyCustomizations());
  }

  /** Replace the account's customizations (idempotent: standard types + this spec). */
  applyCustomizations(spec: CustomizationSpec): void {
    const problems: string[] = [];
    const types = new Map<string, RecordTypeInfo>();
    for (const [k, v] of this.standard) types.set(k, structuredClone(v));
    const lists = new Map<string, CustomListValue[]>();
    for (const l of spec.customLists) {
      const id = l.scriptid.toLowerCase();
      lists.set(id, l.values.map((v, i) => ({ id: String(i + 1), scriptid: v.scriptid, value: v.value })));
    }
    const field = (f: CustomFieldSpec, required: boolean): FieldInfo => {
      const info: FieldInfo = { id: f.scriptid.toLowerCase(), type: fieldTypeFromSdf(f.fieldtype), label: f.label || f.scriptid };
      if (info.type === 'select' || info.type === 'multiselect') {
        const src = selectSource(f.selectrecordtype);
        if (src) info.source = src;
      }
      if (required) info.required = true;
      // Custom fields can be set by submitFields (inline editing of custom fields; FIDELITY.md).
      info.submitFields = true;
      return info;
    };
    for (const rt of spec.customRecordTypes) {
      const type = rt.scriptid.toLowerCase();
      if (types.has(type)) {
        problems.push(`custom record type ${type} clashes with a standard type`);
        continue;
      }
      const fields: Record<string, FieldInfo> = {
        name: { id: 'name', type: 'text', label: 'Name', submitFields: true },
        isinactive: { id: 'isinactive', type: 'checkbox', label: 'Inactive', submitFields: true },
        created: { id: 'created', type: 'datetime', label: 'Date Created', derived: true },
        lastmodified: { id: 'lastmodified', type: 'datetime', label: 'Last Modified', derived: true },
        owner: { id: 'owner', type: 'select', label: 'Owner', source: 'employee', submitFields: true },
        externalid: { id: 'externalid', type: 'text', label: 'External ID' },
      };
      for (const f of rt.fields) fields[f.scriptid.toLowerCase()] = field(f, !!f.mandatory);
      types.set(type, { type, category: 'custom', label: rt.name, idFamily: type, fields, sublists: {} });
    }
    // Parent fields ("Record is Parent"): the parent type gets a child sublist recmach<fieldid> whose line
    // fields are the child's fields (minus the parent field), plus `id` (the child's internal id, read-only).
    const children = new Map<string, Map<string, ChildSublist>>();
    for (const rt of spec.customRecordTypes) {
      const childType = rt.scriptid.toLowerCase();
      const child = types.get(childType);
      if (!child || child.category !== 'custom') continue;
      for (const f of rt.fields) {
        if (!f.isparent) continue;
        const parentField = f.scriptid.toLowerCase();
        const parentType = selectSource(f.selectrecordtype);
        const parent = parentType ? types.get(parentType) : undefined;
        if (!parent || f.fieldtype.toUpperCase() !== 'SELECT') {
          problems.push(`parent field ${parentField} of ${childType} must be a select of a record type (got ${f.fieldtype} ${f.selectrecordtype ?? ''})`);
          continue;
        }
        const sublistId = `recmach${parentField}`;
        const lineFields: Record<string, FieldInfo> = { id: { id: 'id', type: 'select', label: 'Internal ID', source: childType, derived: true } };
        for (const [k, fi] of Object.entries(child.fields)) {
          if (k === parentField || fi.derived) continue;
          lineFields[k] = structuredClone(fi);
        }
        parent.sublists[sublistId] = lineFields;
        if (!children.has(parent.type)) children.set(parent.type, new Map());
        children.get(parent.type)!.set(sublistId, { sublistId, childType, parentField });
      }
    }
    const addTo = (f: CustomFieldSpec & { appliesTo: string[] }, kind: string) => {
      for (const t of f.appliesTo) {
        const info = types.get(t.toLowerCase());
        if (!info) {
          problems.push(`${kind} ${f.scriptid} applies to unknown record type ${t}`);
          continue;
        }
        info.fields[f.scriptid.toLowerCase()] = field(f, false);
      }
    };
    for (const f of spec.entityFields) addTo(f, 'entity field');
    for (const f of spec.bodyFields) addTo(f, 'body field');
    // Select sources must exist.
    for (const info of types.values()) {
      for (const f of Object.values(info.fields)) {
        if (f.source && f.source !== 'transaction' && !types.has(f.source) && !lists.has(f.source)) {
          problems.push(`field ${f.id} of ${info.type} selects from unknown ${f.source}`);
        }
      }
    }
    if (problems.length) throw new Error(`invalid customizations: ${problems.join('; ')}`);
    this.types = types;
    this.lists = lists;
    this.children = children;
    this.spec = structuredClone(spec);
    this.stamp++;
  }

  customizations(): CustomizationSpec {
    return structuredClone(this.spec);
  }

  typeInfo(type: string): RecordTypeInfo | undefined {
    return this.types.get(type.toLowerCase());
  }

  allTypes(): string[] {
    return [...this.types.keys()];
  }

  /** The child sublists of a record type (parent fields of custom records that select it). */
  childSublists(type: string): ChildSublist[] {
    return [...(this.children.get(type.toLowerCase())?.values() ?? [])];
  }

  /** The child sublist `sublistId` of a record type, if it is one. */
  childSublist(type: string, sublistId: string): ChildSublist | undefined {
    return this.children.get(type.toLowerCase())?.get(sublistId);
  }

  customList(scriptid: string): CustomListValue[] | undefined {
    return this.lists.get(scriptid.toLowerCase());
  }

  isTransaction(type: string): boolean {
    return this.types.get(type)?.category === 'transaction';
  }
}
