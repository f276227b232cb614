/**
 * N/ui/serverWidget: module factory, plus the renderer (renderPage) so that callers have one import.
 * The object model is in widgets.ts, the HTML in render.ts. Every call costs 0 units.
 */
import type { ExecContext, ModuleEnv } from '../types';
import {
  FieldBreakType,
  FieldDisplayType,
  FieldLayoutType,
  FieldType,
  FormPageLinkType,
  LayoutJustification,
  ListStyle,
  SublistDisplayType,
  SublistType,
  UiForm,
  UiList,
  optionsOf,
  required,
  type OptionResolver,
  type SelectOption,
} from './widgets';

export {
  FieldBreakType,
  FieldDisplayType,
  FieldLayoutType,
  FieldType,
  FormPageLinkType,
  LayoutJustification,
  ListStyle,
  SublistDisplayType,
  SublistType,
  UiForm,
  UiList,
};
export { renderPage, renderPortlet, renderPortletDocument, type RenderOptions } from './render';
export { NS_CSS } from './html';

/** Max options listed for a sourced select (NetSuite switches to a popup picker for long lists). */
export const SOURCED_OPTIONS_MAX = 1000;

const NAME_FIELDS = ['entityid', 'companyname', 'altname', 'name', 'tranid', 'title'];

/**
 * Options of a select sourced from a record type ('customer', 'employee', 'customrecord_x'): the records'
 * internal ids with their names. Other sources (custom lists, numeric list ids) yield no options.
 */
export function recordOptionResolver(env: ModuleEnv | null | undefined): OptionResolver {
  return (source: string): SelectOption[] => {
    const type = source.toLowerCase();
    try {
      if (!env?.records?.typeInfo(type)) return [];
      return env.records
        .ids(type)
        .slice(0, SOURCED_OPTIONS_MAX)
        .map((id) => {
          const view = env.records.view(type, id);
          const name = NAME_FIELDS.map((f) => view.fields[f]).find((v) => typeof v === 'string' && v !== '');
          return { value: id, text: typeof name === 'string' ? name : id };
        });
    } catch {
      return [];
    }
  };
}

/** The user's date format: user preference DATEFORMAT, else the company's. */
export function dateFormatOf(ctx: ExecContext | null | undefined): string {
  return ctx?.user?.preferences?.DATEFORMAT || ctx?.account?.state?.company?.dateFormat || 'M/D/YYYY';
}

function pageArgs(options: unknown, method: string): { title: string; hideNavBar: boolean } {
  const o = optionsOf(options, method);
  return { title: String(required(o, 'title', method)), hideNavBar: o.hideNavBar === true };
}

/**
 * The form a beforeLoad user event receives for an existing record page: objects the script adds must
 * have ids starting with 'custpage'. (For the runtime's user event runner.)
 */
export function createRecordPageForm(ctx: ExecContext | null, env: ModuleEnv | null, title: string): UiForm {
  return new UiForm(title, false, { dateFormat: dateFormatOf(ctx), resolver: recordOptionResolver(env), requireCustpage: true });
}

/** N/ui/serverWidget module factory. */
export function createServerWidgetModule(ctx: ExecContext, env: ModuleEnv): Record<string, unknown> {
  const settings = () => ({ dateFormat: dateFormatOf(ctx), resolver: recordOptionResolver(env), requireCustpage: false });
  return {
    FieldType,
    FieldDisplayType,
    FieldLayoutType,
    FieldBreakType,
    SublistType,
    SublistDisplayType,
    FormPageLinkType,
    LayoutJustification,
    ListStyle,
    createForm(options: unknown): UiForm {
      const { title, hideNavBar } = pageArgs(options, 'serverWidget.createForm');
      return new UiForm(title, hideNavBar, settings());
    },
    createList(options: unknown): UiList {
      const { title, hideNavBar } = pageArgs(options, 'serverWidget.createList');
      return new UiList(title, hideNavBar);
    },
  };
}
