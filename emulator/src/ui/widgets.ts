/**
 * The object model behind N/ui/serverWidget (and the portlet objects): Form, List, Field, Sublist,
 * FieldGroup, Tab, Button, ListColumn. Pure data plus NetSuite's argument validation; rendering is in
 * render.ts. Error codes and every choice the emulator makes where NetSuite's behaviour is not documented
 * are listed in FIDELITY.md.
 */
import { createError, requireArg } from '../runtime/errors';
import { messageDataOf, toMessageData, type MessageData } from './message';

/* ------------------------------------------------------------------------------------------------ */
/* Enums (string values as NetSuite's N/ui/serverWidget has them)                                    */

export const FieldType = Object.freeze({
  CHECKBOX: 'CHECKBOX',
  CURRENCY: 'CURRENCY',
  DATE: 'DATE',
  DATETIME: 'DATETIME',
  DATETIMETZ: 'DATETIMETZ',
  EMAIL: 'EMAIL',
  FILE: 'FILE',
  FLOAT: 'FLOAT',
  HELP: 'HELP',
  IMAGE: 'IMAGE',
  INLINEHTML: 'INLINEHTML',
  INTEGER: 'INTEGER',
  LABEL: 'LABEL',
  LONGTEXT: 'LONGTEXT',
  MULTISELECT: 'MULTISELECT',
  PASSWORD: 'PASSWORD',
  PERCENT: 'PERCENT',
  PHONE: 'PHONE',
  RADIO: 'RADIO',
  RICHTEXT: 'RICHTEXT',
  SELECT: 'SELECT',
  TEXTAREA: 'TEXTAREA',
  TEXT: 'TEXT',
  TIMEOFDAY: 'TIMEOFDAY',
  URL: 'URL',
} as const);

export const FieldDisplayType = Object.freeze({
  NORMAL: 'NORMAL',
  HIDDEN: 'HIDDEN',
  READONLY: 'READONLY',
  DISABLED: 'DISABLED',
  ENTRY: 'ENTRY',
  INLINE: 'INLINE',
  NODISPLAY: 'NODISPLAY',
} as const);

export const FieldLayoutType = Object.freeze({
  NORMAL: 'NORMAL',
  OUTSIDE: 'OUTSIDE',
  OUTSIDEBELOW: 'OUTSIDEBELOW',
  OUTSIDEABOVE: 'OUTSIDEABOVE',
  STARTROW: 'STARTROW',
  MIDROW: 'MIDROW',
  ENDROW: 'ENDROW',
} as const);

export const FieldBreakType = Object.freeze({ NONE: 'NONE', STARTCOL: 'STARTCOL', STARTROW: 'STARTROW' } as const);

export const SublistType = Object.freeze({
  EDITOR: 'EDITOR',
  INLINEEDITOR: 'INLINEEDITOR',
  LIST: 'LIST',
  STATICLIST: 'STATICLIST',
} as const);

export const SublistDisplayType = Object.freeze({ NORMAL: 'NORMAL', HIDDEN: 'HIDDEN' } as const);

export const FormPageLinkType = Object.freeze({ BREADCRUMB: 'BREADCRUMB', CROSSLINK: 'CROSSLINK' } as const);

export const LayoutJustification = Object.freeze({ CENTER: 'CENTER', LEFT: 'LEFT', RIGHT: 'RIGHT' } as const);

/** ListStyle values are lower case in NetSuite. */
export const ListStyle = Object.freeze({ GRID: 'grid', REPORT: 'report', PLAIN: 'plain', NORMAL: 'normal' } as const);

/** Field types Sublist.addField does not support (NetSuite help, Sublist.addField). */
const NOT_ON_SUBLISTS = new Set(['DATETIME', 'FILE', 'HELP', 'INLINEHTML', 'LABEL', 'LONGTEXT', 'MULTISELECT', 'RADIO', 'RICHTEXT']);

/* ------------------------------------------------------------------------------------------------ */
/* Argument helpers                                                                                   */

export type Options = Record<string, unknown>;

/** The options object of a call: missing → SSS_MISSING_REQD_ARGUMENT, not an object → WRONG_PARAMETER_TYPE. */
export function optionsOf(options: unknown, method: string): Options {
  if (options === undefined || options === null) {
    throw createError('SSS_MISSING_REQD_ARGUMENT', `${method}: Missing a required argument: options`);
  }
  if (typeof options !== 'object') {
    throw createError('WRONG_PARAMETER_TYPE', `${method}: Wrong parameter type: options is expected as object.`);
  }
  return options as Options;
}

/** A required member: undefined, null and '' are all "missing" (SSS_MISSING_REQD_ARGUMENT). */
export function required(o: Options, member: string, method: string): unknown {
  const v = requireArg(o, member, method);
  if (v === null || v === '') throw createError('SSS_MISSING_REQD_ARGUMENT', `${method}: Missing a required argument: ${member}`);
  return v;
}

function readOnly(name: string): never {
  throw createError('READ_ONLY_PROPERTY', `Cannot set the read-only property ${name}.`);
}

/**
 * A UI object id: NetSuite stores ids in lower case (community reports: request parameters arrive lower
 * cased); anything but letters, digits and '_' is refused. On an existing record page (beforeLoad form)
 * added objects must start with 'custpage'.
 */
export function normalizeId(raw: unknown, what: string, method: string, requireCustpage = false): string {
  const id = String(raw).toLowerCase();
  if (!/^[a-z0-9_]+$/.test(id)) {
    throw createError(
      'IDENTIFIERS_CAN_CONTAIN_ONLY_DIGITS_ALPHABETIC_CHARACTERS_OR__WITH_NO_SPACES',
      `${method}: invalid ${what} id "${String(raw)}": identifiers can contain only digits, alphabetic characters, or "_" with no spaces`,
    );
  }
  if (requireCustpage && !id.startsWith('custpage')) {
    throw createError('INVALID_ID_PREFIX', `${method}: the id "${id}" of a ${what} added to an existing page must start with "custpage"`);
  }
  return id;
}

function duplicate(what: string, id: string, method: string): never {
  throw createError('EMU_DUPLICATE_UI_OBJECT_ID', `${method}: a ${what} with id "${id}" already exists on this page`);
}

function enumValue(value: unknown, allowed: Readonly<Record<string, string>>, member: string, method: string): string {
  const v = String(value).toUpperCase();
  if (!Object.values(allowed).some((a) => a.toUpperCase() === v)) {
    throw createError('SSS_INVALID_TYPE_ARG', `${method}: invalid value "${String(value)}" for ${member}`);
  }
  return v;
}

/* ------------------------------------------------------------------------------------------------ */
/* Select options                                                                                     */

export interface SelectOption {
  value: string;
  text: string;
  isSelected?: boolean;
}

/** Options of a sourced select (source = record type or list id); installed by the module factory. */
export type OptionResolver = (source: string) => SelectOption[];

/* ------------------------------------------------------------------------------------------------ */
/* Field                                                                                              */

export type FieldOwner = 'body' | 'sublist' | 'portlet';

export class UiField {
  private readonly _id: string;
  private readonly _type: string;
  label: string;
  source: string | null;
  container: string | null;
  defaultValue: unknown = null;
  alias = '';
  isMandatory = false;
  maxLength: number | null = null;
  linkText = '';
  padding = 0;
  richTextHeight: number | null = null;
  richTextWidth: number | null = null;
  displayType: string = FieldDisplayType.NORMAL;
  layoutType: string = FieldLayoutType.NORMAL;
  breakType: string = FieldBreakType.NONE;
  displaySize: { width: number; height: number } | null = null;
  helpText = '';
  readonly options: SelectOption[] = [];
  resolver: OptionResolver | null = null;

  constructor(
    id: string,
    type: string,
    label: string,
    source: string | null,
    container: string | null,
    readonly owner: FieldOwner,
  ) {
    this._id = id;
    this._type = type;
    this.label = label;
    this.source = source;
    this.container = container;
  }

  get id(): string {
    return this._id;
  }
  set id(_v: string) {
    readOnly('Field.id');
  }
  get type(): string {
    return this._type;
  }
  set type(_v: string) {
    readOnly('Field.type');
  }

  updateDisplayType(options: unknown): this {
    const o = optionsOf(options, 'Field.updateDisplayType');
    this.displayType = enumValue(required(o, 'displayType', 'Field.updateDisplayType'), FieldDisplayType, 'displayType', 'Field.updateDisplayType');
    return this;
  }

  updateLayoutType(options: unknown): this {
    const o = optionsOf(options, 'Field.updateLayoutType');
    this.layoutType = enumValue(required(o, 'layoutType', 'Field.updateLayoutType'), FieldLayoutType, 'layoutType', 'Field.updateLayoutType');
    return this;
  }

  updateBreakType(options: unknown): this {
    const o = optionsOf(options, 'Field.updateBreakType');
    this.breakType = enumValue(required(o, 'breakType', 'Field.updateBreakType'), FieldBreakType, 'breakType', 'Field.updateBreakType');
    return this;
  }

  updateDisplaySize(options: unknown): this {
    const o = optionsOf(options, 'Field.updateDisplaySize');
    const height = Number(required(o, 'height', 'Field.updateDisplaySize'));
    const width = Number(required(o, 'width', 'Field.updateDisplaySize'));
    this.displaySize = { width, height };
    return this;
  }

  setHelpText(options: unknown): this {
    const o = optionsOf(options, 'Field.setHelpText');
    const help = required(o, 'help', 'Field.setHelpText');
    if (typeof help !== 'string') throw createError('SSS_INVALID_TYPE_ARG', 'Field.setHelpText: help must be a string');
    this.helpText = help;
    return this;
  }

  private isSelectType(): boolean {
    return this._type === 'SELECT' || this._type === 'MULTISELECT';
  }

  addSelectOption(options: unknown): void {
    const o = optionsOf(options, 'Field.addSelectOption');
    const value = requireArg(o, 'value', 'Field.addSelectOption');
    const text = requireArg(o, 'text', 'Field.addSelectOption');
    if (!this.isSelectType()) {
      throw createError('SSS_INVALID_UI_OBJECT_TYPE', `Field.addSelectOption: field ${this._id} is not a select or multiselect field`);
    }
    if (this.source) {
      throw createError('SSS_INVALID_UI_OBJECT_TYPE', `Field.addSelectOption: field ${this._id} is sourced from ${this.source}; its options come from the source`);
    }
    const v = value === null ? '' : String(value);
    if (this.options.some((opt) => opt.value === v)) {
      throw createError('SELECT_OPTION_ALREADY_PRESENT', `Field.addSelectOption: option ${v} is already present on field ${this._id}`);
    }
    const isSelected = o.isSelected === true;
    if (isSelected && this._type === 'SELECT') for (const opt of this.options) opt.isSelected = false;
    this.options.push({ value: v, text: text === null ? '' : String(text), isSelected });
  }

  /** All options: added ones, or the source's (via the resolver). */
  allOptions(): SelectOption[] {
    if (this.source && this.resolver) return this.resolver(this.source);
    return this.options;
  }

  getSelectOptions(options?: unknown): { value: string; text: string }[] {
    if (!this.isSelectType() && this._type !== 'RADIO') {
      throw createError('SSS_INVALID_UI_OBJECT_TYPE', `Field.getSelectOptions: field ${this._id} is not a select or multiselect field`);
    }
    const o = (options && typeof options === 'object' ? options : {}) as Options;
    const filter = o.filter === undefined || o.filter === null ? '' : String(o.filter).toLowerCase();
    const op = o.filteroperator === undefined || o.filteroperator === null ? 'contains' : String(o.filteroperator).toLowerCase();
    if (op !== 'contains' && op !== 'is' && op !== 'startswith') {
      throw createError('SSS_INVALID_GETSELECTOPTION_FILTER_OPERATOR', `Field.getSelectOptions: invalid filteroperator ${op}`);
    }
    return this.allOptions()
      .filter((opt) => {
        if (!filter) return true;
        const t = opt.text.toLowerCase();
        return op === 'is' ? t === filter : op === 'startswith' ? t.startsWith(filter) : t.includes(filter);
      })
      .map((opt) => ({ value: opt.value, text: opt.text }));
  }
}

/* ------------------------------------------------------------------------------------------------ */
/* Buttons, groups, tabs                                                                              */

export type ButtonKind = 'button' | 'submit' | 'reset' | 'markall' | 'unmarkall' | 'refresh';

export class UiButton {
  isDisabled = false;
  isHidden = false;
  constructor(
    readonly id: string,
    public label: string,
    readonly functionName: string | null,
    readonly kind: ButtonKind,
  ) {}
}

export class UiFieldGroup {
  isBorderHidden = false;
  isCollapsible = false;
  isCollapsed = false;
  isSingleColumn = false;
  constructor(
    readonly id: string,
    public label: string,
    readonly tab: string | null,
  ) {}
}

export class UiTab {
  helpText = '';
  constructor(
    readonly id: string,
    public label: string,
    /** For subtabs: the parent tab id (null = main area). */
    readonly parent: string | null,
    readonly isSubtab: boolean,
  ) {}
}

function makeButton(o: Options, method: string, requireCustpage: boolean): UiButton {
  const id = normalizeId(required(o, 'id', method), 'button', method, requireCustpage);
  const label = String(required(o, 'label', method));
  const fn = o.functionName === undefined || o.functionName === null || o.functionName === '' ? null : String(o.functionName);
  return new UiButton(id, label, fn, 'button');
}

function fieldType(o: Options, method: string): string {
  return enumValue(required(o, 'type', method), FieldType, 'type', method);
}

/* ------------------------------------------------------------------------------------------------ */
/* Sublist                                                                                            */

export type SublistValue = string | null;

export class UiSublist {
  displayType: string = SublistDisplayType.NORMAL;
  helpText = '';
  readonly fields: UiField[] = [];
  readonly lines: Record<string, SublistValue>[] = [];
  readonly buttons: UiButton[] = [];
  totallingField: string | null = null;
  uniqueField: string | null = null;
  resolver: OptionResolver | null = null;

  constructor(
    readonly id: string,
    public label: string,
    readonly type: string,
    readonly tab: string | null,
    private readonly requireCustpage: boolean,
  ) {}

  get name(): string {
    return this.id;
  }

  get lineCount(): number {
    return this.lines.length;
  }
  set lineCount(_v: number) {
    readOnly('Sublist.lineCount');
  }

  addField(options: unknown): UiField {
    const method = 'Sublist.addField';
    const o = optionsOf(options, method);
    const id = normalizeId(required(o, 'id', method), 'sublist field', method, this.requireCustpage);
    const label = String(required(o, 'label', method));
    const type = fieldType(o, method);
    if (NOT_ON_SUBLISTS.has(type)) throw createError('SSS_INVALID_TYPE_ARG', `${method}: field type ${type} is not supported on sublists`);
    if (this.fields.some((f) => f.id === id)) duplicate('sublist field', id, method);
    const source = o.source === undefined || o.source === null || o.source === '' ? null : String(o.source);
    const field = new UiField(id, type, label, source, null, 'sublist');
    field.resolver = this.resolver;
    this.fields.push(field);
    return field;
  }

  getField(options: unknown): UiField | null {
    const o = optionsOf(options, 'Sublist.getField');
    const id = String(required(o, 'id', 'Sublist.getField')).toLowerCase();
    return this.fields.find((f) => f.id === id) ?? null;
  }

  insertField(options: unknown): void {
    const method = 'Sublist.insertField';
    const o = optionsOf(options, method);
    const field = required(o, 'field', method);
    const next = String(required(o, 'nextfield', method)).toLowerCase();
    if (!(field instanceof UiField)) throw createError('WRONG_PARAMETER_TYPE', `${method}: field must be a Field of this sublist`);
    moveBefore(this.fields, field, (f) => f.id === next, o.isBefore === false);
  }

  private lineIndex(line: unknown, method: string): number {
    const n = typeof line === 'string' && /^\d+$/.test(line) ? Number(line) : line;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
      throw createError('SSS_INVALID_SUBLIST_OPERATION', `${method}: invalid line ${String(line)} (lines start at 0)`);
    }
    return n;
  }

  setSublistValue(options: unknown): void {
    const method = 'Sublist.setSublistValue';
    const o = optionsOf(options, method);
    const id = String(required(o, 'id', method)).toLowerCase();
    const line = this.lineIndex(requireArg(o, 'line', method), method);
    const raw = requireArg(o, 'value', method);
    if (raw === '') throw createError('SSS_MISSING_REQD_ARGUMENT', `${method}: Missing a required argument: value (use null, not an empty string)`);
    let value: SublistValue;
    if (raw === null || typeof raw === 'string') value = raw;
    else if (typeof raw === 'number' && Number.isFinite(raw)) value = String(raw);
    else throw createError('WRONG_PARAMETER_TYPE', `${method}: Wrong parameter type: value is expected as string (checkboxes take 'T'/'F').`);
    if (!this.fields.some((f) => f.id === id)) {
      throw createError('SSS_INVALID_SUBLIST_OPERATION', `${method}: sublist ${this.id} has no field ${id}`);
    }
    while (this.lines.length <= line) this.lines.push({});
    (this.lines[line] as Record<string, SublistValue>)[id] = value;
  }

  getSublistValue(options: unknown): SublistValue {
    const method = 'Sublist.getSublistValue';
    const o = optionsOf(options, method);
    const id = String(required(o, 'id', method)).toLowerCase();
    const line = this.lineIndex(requireArg(o, 'line', method), method);
    const v = this.lines[line]?.[id];
    return v === undefined ? null : v;
  }

  addButton(options: unknown): UiButton {
    const method = 'Sublist.addButton';
    const button = makeButton(optionsOf(options, method), method, this.requireCustpage);
    if (this.buttons.some((b) => b.id === button.id)) duplicate('button', button.id, method);
    this.buttons.push(button);
    return button;
  }

  addMarkAllButtons(): UiButton[] {
    if (this.type !== SublistType.LIST) {
      throw createError('SSS_INVALID_SUBLIST_OPERATION', `Sublist.addMarkAllButtons: only LIST sublists have Mark All buttons (${this.id} is ${this.type})`);
    }
    if (!this.buttons.some((b) => b.kind === 'markall')) {
      this.buttons.push(new UiButton(`${this.id}_markall`, 'Mark All', null, 'markall'));
      this.buttons.push(new UiButton(`${this.id}_unmarkall`, 'Unmark All', null, 'unmarkall'));
    }
    return this.buttons.filter((b) => b.kind === 'markall' || b.kind === 'unmarkall');
  }

  addRefreshButton(): UiButton {
    const existing = this.buttons.find((b) => b.kind === 'refresh');
    if (existing) return existing;
    const b = new UiButton(`${this.id}_refresh`, 'Refresh', null, 'refresh');
    this.buttons.push(b);
    return b;
  }

  updateTotallingFieldId(options: unknown): this {
    const o = optionsOf(options, 'Sublist.updateTotallingFieldId');
    this.totallingField = String(required(o, 'id', 'Sublist.updateTotallingFieldId')).toLowerCase();
    return this;
  }

  /** Alias kept for scripts written against older examples. */
  updateTotallingField(options: unknown): this {
    return this.updateTotallingFieldId(options);
  }

  updateUniqueFieldId(options: unknown): this {
    const o = optionsOf(options, 'Sublist.updateUniqueFieldId');
    this.uniqueField = String(required(o, 'id', 'Sublist.updateUniqueFieldId')).toLowerCase();
    return this;
  }
}

function moveBefore<T>(arr: T[], item: T, isNext: (x: T) => boolean, after = false): void {
  const from = arr.indexOf(item);
  if (from >= 0) arr.splice(from, 1);
  const at = arr.findIndex(isNext);
  if (at < 0) {
    if (from >= 0) arr.splice(from, 0, item);
    throw createError('SSS_INVALID_UI_OBJECT_TYPE', 'insert: the "next" object does not exist on this page');
  }
  arr.splice(after ? at + 1 : at, 0, item);
}

/* ------------------------------------------------------------------------------------------------ */
/* Page link, client script                                                                          */

export interface PageLink {
  type: string;
  title: string;
  url: string;
}

function pageLink(options: unknown, method: string): PageLink {
  const o = optionsOf(options, method);
  const type = enumValue(required(o, 'type', method), FormPageLinkType, 'type', method);
  const title = String(required(o, 'title', method));
  const url = String(required(o, 'url', method));
  return { type, title, url };
}

/** clientScriptModulePath / clientScriptFileId: setting one after the other → PROPERTY_VALUE_CONFLICT. */
export class ClientScriptSlot {
  private path: string | null = null;
  private fileId: number | string | null = null;
  getPath(): string | null {
    return this.path;
  }
  getFileId(): number | string | null {
    return this.fileId;
  }
  setPath(v: unknown): void {
    if (this.fileId !== null) throw createError('PROPERTY_VALUE_CONFLICT', 'clientScriptModulePath cannot be set: clientScriptFileId is already set');
    if (typeof v !== 'string') throw createError('WRONG_PARAMETER_TYPE', 'clientScriptModulePath must be a string');
    this.path = v;
  }
  setFileId(v: unknown): void {
    if (this.path !== null) throw createError('PROPERTY_VALUE_CONFLICT', 'clientScriptFileId cannot be set: clientScriptModulePath is already set');
    if (typeof v !== 'string' && typeof v !== 'number') throw createError('WRONG_PARAMETER_TYPE', 'clientScriptFileId must be a number or string');
    this.fileId = v;
  }
}

/* ------------------------------------------------------------------------------------------------ */
/* Form                                                                                               */

export interface PageSettings {
  /** User's date format (DATEFORMAT preference), for date inputs and posted dates. */
  dateFormat: string;
  /** Options of sourced selects. */
  resolver: OptionResolver | null;
  /** Existing record page (beforeLoad form): added ids must start with custpage. */
  requireCustpage: boolean;
}

export class UiForm {
  readonly kind = 'form' as const;
  title: string;
  hideNavBar: boolean;
  readonly fields: UiField[] = [];
  readonly fieldGroups: UiFieldGroup[] = [];
  readonly tabs: UiTab[] = [];
  readonly sublists: UiSublist[] = [];
  readonly buttons: UiButton[] = [];
  readonly pageLinks: PageLink[] = [];
  readonly messages: MessageData[] = [];
  readonly clientScript = new ClientScriptSlot();

  constructor(
    title: string,
    hideNavBar: boolean,
    readonly settings: PageSettings,
  ) {
    this.title = title;
    this.hideNavBar = hideNavBar;
  }

  get clientScriptModulePath(): string | null {
    return this.clientScript.getPath();
  }
  set clientScriptModulePath(v: string | null) {
    this.clientScript.setPath(v);
  }
  get clientScriptFileId(): number | string | null {
    return this.clientScript.getFileId();
  }
  set clientScriptFileId(v: number | string | null) {
    this.clientScript.setFileId(v);
  }

  private containerExists(id: string): boolean {
    return this.fieldGroups.some((g) => g.id === id) || this.tabs.some((t) => t.id === id);
  }

  private checkContainer(container: unknown, method: string): string | null {
    if (container === undefined || container === null || container === '') return null;
    const id = String(container).toLowerCase();
    if (!this.containerExists(id)) {
      throw createError('EMU_UNKNOWN_CONTAINER', `${method}: no field group, tab or subtab with id "${id}" on this form (add it first)`);
    }
    return id;
  }

  addField(options: unknown): UiField {
    const method = 'Form.addField';
    const o = optionsOf(options, method);
    const id = normalizeId(required(o, 'id', method), 'field', method, this.settings.requireCustpage);
    const label = String(required(o, 'label', method));
    const type = fieldType(o, method);
    const source = o.source === undefined || o.source === null || o.source === '' ? null : String(o.source);
    const container = this.checkContainer(o.container, method);
    const existing = this.fields.filter((f) => f.id === id);
    // Radio buttons share one id (the group) and differ by source (the button's value).
    if (existing.length && !(type === 'RADIO' && existing.every((f) => f.type === 'RADIO' && f.source !== source))) {
      duplicate('field', id, method);
    }
    if (type === 'RADIO' && source === null) throw createError('SSS_MISSING_REQD_ARGUMENT', `${method}: Missing a required argument: source (radio button value)`);
    const field = new UiField(id, type, label, source, container, 'body');
    field.resolver = this.settings.resolver;
    this.fields.push(field);
    return field;
  }

  addCredentialField(options: unknown): UiField {
    const method = 'Form.addCredentialField';
    const o = optionsOf(options, method);
    required(o, 'restrictToScriptIds', method);
    required(o, 'restrictToDomains', method);
    return this.addField({ id: o.id, label: o.label, type: 'PASSWORD', container: o.container });
  }

  addSecretKeyField(options: unknown): UiField {
    const o = optionsOf(options, 'Form.addSecretKeyField');
    return this.addField({ id: o.id, label: o.label, type: 'PASSWORD', container: o.container });
  }

  getField(options: unknown): UiField | null {
    const o = optionsOf(options, 'Form.getField');
    const id = String(required(o, 'id', 'Form.getField')).toLowerCase();
    return this.fields.find((f) => f.id === id) ?? null;
  }

  insertField(options: unknown): UiField {
    const method = 'Form.insertField';
    const o = optionsOf(options, method);
    const field = required(o, 'field', method);
    const next = String(required(o, 'nextfield', method)).toLowerCase();
    if (!(field instanceof UiField) || !this.fields.includes(field)) {
      throw createError('WRONG_PARAMETER_TYPE', `${method}: field must be a Field of this form`);
    }
    moveBefore(this.fields, field, (f) => f.id === next);
    return field;
  }

  addFieldGroup(options: unknown): UiFieldGroup {
    const method = 'Form.addFieldGroup';
    const o = optionsOf(options, method);
    const id = normalizeId(required(o, 'id', method), 'field group', method, this.settings.requireCustpage);
    const label = String(required(o, 'label', method));
    const tab = this.checkContainer(o.tab, method);
    if (this.containerExists(id)) duplicate('field group/tab', id, method);
    const group = new UiFieldGroup(id, label, tab);
    this.fieldGroups.push(group);
    return group;
  }

  addTab(options: unknown): UiTab {
    const method = 'Form.addTab';
    const o = optionsOf(options, method);
    const id = normalizeId(required(o, 'id', method), 'tab', method, this.settings.requireCustpage);
    const label = String(required(o, 'label', method));
    if (this.containerExists(id)) duplicate('field group/tab', id, method);
    const tab = new UiTab(id, label, null, false);
    this.tabs.push(tab);
    return tab;
  }

  addSubtab(options: unknown): UiTab {
    const method = 'Form.addSubtab';
    const o = optionsOf(options, method);
    const id = normalizeId(required(o, 'id', method), 'subtab', method, this.settings.requireCustpage);
    const label = String(required(o, 'label', method));
    let parent: string | null = null;
    if (o.tab !== undefined && o.tab !== null && o.tab !== '') {
      parent = String(o.tab).toLowerCase();
      if (!this.tabs.some((t) => t.id === parent && !t.isSubtab)) {
        throw createError('EMU_UNKNOWN_CONTAINER', `${method}: no tab with id "${parent}" on this form (add it first)`);
      }
    }
    if (this.containerExists(id)) duplicate('field group/tab', id, method);
    const tab = new UiTab(id, label, parent, true);
    this.tabs.push(tab);
    return tab;
  }

  getTab(options: unknown): UiTab | null {
    const o = optionsOf(options, 'Form.getTab');
    const id = String(required(o, 'id', 'Form.getTab')).toLowerCase();
    return this.tabs.find((t) => t.id === id && !t.isSubtab) ?? null;
  }

  getSubtab(options: unknown): UiTab | null {
    const o = optionsOf(options, 'Form.getSubtab');
    const id = String(required(o, 'id', 'Form.getSubtab')).toLowerCase();
    return this.tabs.find((t) => t.id === id && t.isSubtab) ?? null;
  }

  getTabs(): string[] {
    return this.tabs.filter((t) => !t.isSubtab).map((t) => t.id);
  }

  insertTab(options: unknown): UiTab {
    const o = optionsOf(options, 'Form.insertTab');
    const tab = required(o, 'tab', 'Form.insertTab');
    const next = String(required(o, 'nexttab', 'Form.insertTab')).toLowerCase();
    if (!(tab instanceof UiTab)) throw createError('WRONG_PARAMETER_TYPE', 'Form.insertTab: tab must be a Tab of this form');
    moveBefore(this.tabs, tab, (t) => t.id === next);
    return tab;
  }

  insertSubtab(options: unknown): UiTab {
    const o = optionsOf(options, 'Form.insertSubtab');
    const tab = required(o, 'subtab', 'Form.insertSubtab');
    const next = String(required(o, 'nextsubtab', 'Form.insertSubtab')).toLowerCase();
    if (!(tab instanceof UiTab)) throw createError('WRONG_PARAMETER_TYPE', 'Form.insertSubtab: subtab must be a Tab of this form');
    moveBefore(this.tabs, tab, (t) => t.id === next);
    return tab;
  }

  addSublist(options: unknown): UiSublist {
    const method = 'Form.addSublist';
    const o = optionsOf(options, method);
    const id = normalizeId(required(o, 'id', method), 'sublist', method, this.settings.requireCustpage);
    const label = String(required(o, 'label', method));
    const type = enumValue(required(o, 'type', method), SublistType, 'type', method);
    const tab = this.checkContainer(o.tab, method);
    if (tab && !this.tabs.some((t) => t.id === tab)) {
      throw createError('EMU_UNKNOWN_CONTAINER', `${method}: "${tab}" is a field group; sublists go on tabs or subtabs`);
    }
    if (this.sublists.some((s) => s.id === id)) duplicate('sublist', id, method);
    const sublist = new UiSublist(id, label, type, tab, this.settings.requireCustpage);
    sublist.resolver = this.settings.resolver;
    this.sublists.push(sublist);
    return sublist;
  }

  getSublist(options: unknown): UiSublist | null {
    const o = optionsOf(options, 'Form.getSublist');
    const id = String(required(o, 'id', 'Form.getSublist')).toLowerCase();
    return this.sublists.find((s) => s.id === id) ?? null;
  }

  insertSublist(options: unknown): UiSublist {
    const o = optionsOf(options, 'Form.insertSublist');
    const sublist = required(o, 'sublist', 'Form.insertSublist');
    const next = String(required(o, 'nextsublist', 'Form.insertSublist')).toLowerCase();
    if (!(sublist instanceof UiSublist)) throw createError('WRONG_PARAMETER_TYPE', 'Form.insertSublist: sublist must be a Sublist of this form');
    moveBefore(this.sublists, sublist, (s) => s.id === next);
    return sublist;
  }

  addButton(options: unknown): UiButton {
    const method = 'Form.addButton';
    const button = makeButton(optionsOf(options, method), method, this.settings.requireCustpage);
    if (this.buttons.some((b) => b.id === button.id)) duplicate('button', button.id, method);
    this.buttons.push(button);
    return button;
  }

  addSubmitButton(options?: unknown): UiButton {
    const o = (options && typeof options === 'object' ? options : {}) as Options;
    const label = o.label === undefined || o.label === null || o.label === '' ? 'Save' : String(o.label);
    const existing = this.buttons.find((b) => b.kind === 'submit');
    if (existing) {
      existing.label = label;
      return existing;
    }
    const b = new UiButton('submitter', label, null, 'submit');
    this.buttons.push(b);
    return b;
  }

  addResetButton(options?: unknown): UiButton {
    const o = (options && typeof options === 'object' ? options : {}) as Options;
    const label = o.label === undefined || o.label === null || o.label === '' ? 'Reset' : String(o.label);
    const existing = this.buttons.find((b) => b.kind === 'reset');
    if (existing) {
      existing.label = label;
      return existing;
    }
    const b = new UiButton('resetter', label, null, 'reset');
    this.buttons.push(b);
    return b;
  }

  getButton(options: unknown): UiButton | null {
    const o = optionsOf(options, 'Form.getButton');
    const id = String(required(o, 'id', 'Form.getButton')).toLowerCase();
    return this.buttons.find((b) => b.id === id) ?? null;
  }

  removeButton(options: unknown): void {
    const o = optionsOf(options, 'Form.removeButton');
    const id = String(required(o, 'id', 'Form.removeButton')).toLowerCase();
    const at = this.buttons.findIndex((b) => b.id === id);
    if (at >= 0) this.buttons.splice(at, 1);
  }

  addPageLink(options: unknown): void {
    this.pageLinks.push(pageLink(options, 'Form.addPageLink'));
  }

  addPageInitMessage(options: unknown): void {
    const method = 'Form.addPageInitMessage';
    const o = optionsOf(options, method);
    const fromObject = messageDataOf(o.message);
    if (fromObject) {
      this.messages.push({ ...fromObject });
      return;
    }
    this.messages.push(toMessageData(o, method));
  }

  updateDefaultValues(values: unknown): void {
    if (values === undefined || values === null) {
      throw createError('SSS_MISSING_REQD_ARGUMENT', 'Form.updateDefaultValues: Missing a required argument: values');
    }
    if (typeof values !== 'object') throw createError('WRONG_PARAMETER_TYPE', 'Form.updateDefaultValues: values must be an object');
    for (const [k, v] of Object.entries(values as Options)) {
      const id = k.toLowerCase();
      for (const f of this.fields) if (f.id === id) f.defaultValue = v;
    }
  }
}

/* ------------------------------------------------------------------------------------------------ */
/* List (serverWidget.List) and list columns (shared with LIST portlets)                              */

export interface UrlParam {
  param: string;
  value: string;
  dynamic: boolean;
}

export interface EditColumnSpec {
  showView: boolean;
  showHrefCol: boolean;
  link: string | null;
  linkParam: string;
  linkParamName: string;
}

export class UiListColumn {
  url: string | null = null;
  dynamicUrl = false;
  readonly urlParams: UrlParam[] = [];
  constructor(
    readonly id: string,
    public label: string,
    readonly type: string,
    readonly align: string,
    /** Set for edit columns (addEditColumn). */
    readonly edit: EditColumnSpec | null = null,
  ) {}

  setURL(options: unknown): this {
    const o = optionsOf(options, 'ListColumn.setURL');
    this.url = String(required(o, 'url', 'ListColumn.setURL'));
    this.dynamicUrl = o.dynamic === true;
    return this;
  }

  addParamToURL(options: unknown): this {
    const method = 'ListColumn.addParamToURL';
    const o = optionsOf(options, method);
    const param = String(required(o, 'param', method));
    const value = String(required(o, 'value', method));
    this.urlParams.push({ param, value, dynamic: o.dynamic === true });
    return this;
  }
}

/** A list row as stored: column id → string value (cells are written as HTML, see render.ts). */
export type ListRow = Record<string, string>;

function cellString(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.map((x) => cellString(x)).join(',');
  if (typeof v === 'object') {
    const o = v as { text?: unknown; value?: unknown };
    if ('text' in o || 'value' in o) return cellString(o.text ?? o.value);
  }
  return String(v);
}

/**
 * Normalize a row of addRow: a plain object (column id → value) or a search.Result (values read with
 * getText, falling back to getValue, for each column and for each of the result's own columns).
 */
export function normalizeRow(row: unknown, columns: readonly UiListColumn[], method: string): ListRow {
  if (row === null || typeof row !== 'object') throw createError('WRONG_PARAMETER_TYPE', `${method}: row must be an object or a search.Result`);
  const out: ListRow = {};
  const r = row as Record<string, unknown> & { getValue?: unknown; getText?: unknown; columns?: unknown; id?: unknown };
  if (typeof r.getValue === 'function') {
    const getValue = r.getValue as (o: unknown) => unknown;
    const getText = typeof r.getText === 'function' ? (r.getText as (o: unknown) => unknown) : null;
    const read = (col: unknown): string => {
      let text: unknown = null;
      try {
        text = getText ? getText.call(row, col) : null;
      } catch {
        text = null;
      }
      if (text !== null && text !== undefined && text !== '') return cellString(text);
      try {
        return cellString(getValue.call(row, col));
      } catch {
        return '';
      }
    };
    if (Array.isArray(r.columns)) {
      for (const c of r.columns as Record<string, unknown>[]) {
        const name = c && typeof c === 'object' ? String(c.name ?? '').toLowerCase() : '';
        if (name) out[name] = read(c);
      }
    }
    for (const col of columns) if (!(col.id in out) && !col.edit) out[col.id] = read({ name: col.id });
    if (r.id !== undefined && !('internalid' in out)) out.internalid = cellString(r.id);
    return out;
  }
  for (const [k, v] of Object.entries(r)) out[k.toLowerCase()] = cellString(v);
  return out;
}

function columnArgs(options: unknown, method: string): UiListColumn {
  const o = optionsOf(options, method);
  const id = normalizeId(required(o, 'id', method), 'column', method);
  const label = String(required(o, 'label', method));
  const type = enumValue(required(o, 'type', method), FieldType, 'type', method);
  const align = o.align === undefined || o.align === null || o.align === '' ? 'LEFT' : enumValue(o.align, LayoutJustification, 'align', method);
  return new UiListColumn(id, label, type, align);
}

/** Shared by List and LIST portlets. */
export class ListColumns {
  readonly columns: UiListColumn[] = [];
  readonly rows: ListRow[] = [];

  addColumn(options: unknown, method: string): UiListColumn {
    const col = columnArgs(options, method);
    if (this.columns.some((c) => c.id === col.id)) duplicate('column', col.id, method);
    this.columns.push(col);
    return col;
  }

  addEditColumn(options: unknown, method: string): UiListColumn {
    const o = optionsOf(options, method);
    const column = String(required(o, 'column', method)).toLowerCase();
    const spec: EditColumnSpec = {
      showView: o.showView === true,
      showHrefCol: o.showHrefCol === true,
      link: o.link === undefined || o.link === null || o.link === '' ? null : String(o.link),
      linkParam: o.linkParam === undefined || o.linkParam === null || o.linkParam === '' ? column : String(o.linkParam).toLowerCase(),
      linkParamName: o.linkParamName === undefined || o.linkParamName === null || o.linkParamName === '' ? 'id' : String(o.linkParamName),
    };
    const label = spec.showView ? 'Edit | View' : 'Edit';
    const col = new UiListColumn(`edit_${column}`, label, 'TEXT', 'LEFT', spec);
    const at = this.columns.findIndex((c) => c.id === column);
    if (at < 0) this.columns.push(col);
    else this.columns.splice(at, 0, col);
    return col;
  }

  addRow(options: unknown, method: string): void {
    const o = optionsOf(options, method);
    this.rows.push(normalizeRow(required(o, 'row', method), this.columns, method));
  }

  addRows(options: unknown, method: string): void {
    const o = optionsOf(options, method);
    const rows = required(o, 'rows', method);
    if (!Array.isArray(rows)) throw createError('WRONG_PARAMETER_TYPE', `${method}: rows must be an array`);
    for (const row of rows) this.rows.push(normalizeRow(row, this.columns, method));
  }
}

export class UiList {
  readonly kind = 'list' as const;
  title: string;
  hideNavBar: boolean;
  private _style: string = ListStyle.NORMAL;
  readonly table = new ListColumns();
  readonly buttons: UiButton[] = [];
  readonly pageLinks: PageLink[] = [];
  readonly clientScript = new ClientScriptSlot();

  constructor(title: string, hideNavBar: boolean) {
    this.title = title;
    this.hideNavBar = hideNavBar;
  }

  get style(): string {
    return this._style;
  }
  set style(v: string) {
    const s = String(v).toLowerCase();
    if (!Object.values(ListStyle).includes(s as 'grid')) throw createError('SSS_INVALID_TYPE_ARG', `List.style: invalid style ${String(v)}`);
    this._style = s;
  }

  get clientScriptModulePath(): string | null {
    return this.clientScript.getPath();
  }
  set clientScriptModulePath(v: string | null) {
    this.clientScript.setPath(v);
  }
  get clientScriptFileId(): number | string | null {
    return this.clientScript.getFileId();
  }
  set clientScriptFileId(v: number | string | null) {
    this.clientScript.setFileId(v);
  }

  get columns(): readonly UiListColumn[] {
    return this.table.columns;
  }
  get rows(): readonly ListRow[] {
    return this.table.rows;
  }

  addColumn(options: unknown): UiListColumn {
    return this.table.addColumn(options, 'List.addColumn');
  }
  addEditColumn(options: unknown): UiListColumn {
    return this.table.addEditColumn(options, 'List.addEditColumn');
  }
  addRow(options: unknown): void {
    this.table.addRow(options, 'List.addRow');
  }
  addRows(options: unknown): void {
    this.table.addRows(options, 'List.addRows');
  }
  addButton(options: unknown): UiButton {
    const method = 'List.addButton';
    const button = makeButton(optionsOf(options, method), method, false);
    if (this.buttons.some((b) => b.id === button.id)) duplicate('button', button.id, method);
    this.buttons.push(button);
    return button;
  }
  addPageLink(options: unknown): void {
    this.pageLinks.push(pageLink(options, 'List.addPageLink'));
  }
}

/** Anything renderPage can render. */
export type PageObject = UiForm | UiList;

export function isPageObject(value: unknown): value is PageObject {
  return value instanceof UiForm || value instanceof UiList;
}
