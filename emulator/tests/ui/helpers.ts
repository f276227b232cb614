/** Test helpers for the UI modules: a fake execution context and a minimal form serializer. */
import type { ExecContext, ExecutionContextType, ModuleEnv, RecordView } from '../../src/types';
import { UsageMeter } from '../../src/runtime/governance';

export function fakeCtx(options: { executionContext?: ExecutionContextType; response?: boolean; dateFormat?: string } = {}): ExecContext {
  const ctx = {
    account: {
      state: {
        company: { accountId: 'TSTDRV123', dateFormat: options.dateFormat ?? 'M/D/YYYY' },
        deployment: { deployedAt: '', fileCabinetRoot: '', objects: [{ type: 'restlet', scriptid: 'customscript_ara_rl_api' }] },
      },
    },
    meter: new UsageMeter(1000),
    user: { id: '5', name: 'Collector', email: 'c@example.com', role: 3, roleId: 'administrator', subsidiary: '1', preferences: {} },
    script: { scriptId: 'customscript_ara_sl_worklist', deploymentId: 'customdeploy_ara_sl_worklist', scriptType: 'SUITELET', params: {}, logLevel: 'DEBUG' },
    executionContext: options.executionContext ?? 'SUITELET',
    triggersUserEvents: true,
    response: options.response === false ? undefined : { redirect: null },
  };
  return ctx as unknown as ExecContext;
}

const CUSTOMERS: Record<string, string> = { '10': 'Acme <Corp>', '11': 'Globex' };

export function fakeEnv(): ModuleEnv {
  const env = {
    records: {
      typeInfo: (type: string) => (type === 'customer' ? { type: 'customer', category: 'other', label: 'Customer', idFamily: 'entity', fields: {}, sublists: {} } : undefined),
      ids: (type: string) => (type === 'customer' ? Object.keys(CUSTOMERS) : []),
      view: (type: string, id: string): RecordView => ({ id, type, version: 1, fields: { companyname: CUSTOMERS[id] ?? '' }, sublists: {} }),
    },
    search: {},
    userEvents: {},
  };
  return env as unknown as ModuleEnv;
}

/** The error name thrown by fn (fails the test when nothing is thrown). */
export function errorName(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as { name: string }).name;
  }
  throw new Error('expected an error');
}

function decodeEntities(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}(?:="([^"]*)")?(?=[\\s>])`).exec(tag);
  if (!m) return null;
  return m[1] === undefined ? '' : decodeEntities(m[1]);
}

/**
 * What a browser would post for the `<form data-form="main">` of a rendered page (enough for the
 * emulator's own deterministic markup): inputs (text, hidden, date, checkbox when checked), selects
 * (selected options), textareas. `edits` replaces values by name before serializing; `uncheck` and
 * `check` toggle checkboxes.
 */
export function browserPost(html: string, edits: Record<string, string> = {}, toggles: { check?: string[]; uncheck?: string[] } = {}): [string, string][] {
  const start = html.indexOf('<form');
  const form = html.slice(start, html.indexOf('</form>', start));
  const pairs: [string, string][] = [];
  const re = /<input\b[^>]*>|<select\b[^>]*>[\s\S]*?<\/select>|<textarea\b[^>]*>[\s\S]*?<\/textarea>/g;
  for (const m of form.matchAll(re)) {
    const el = m[0];
    const tag = el.slice(0, el.indexOf('>') + 1);
    const name = attr(tag, 'name');
    if (name === null || attr(tag, 'disabled') !== null) continue;
    if (el.startsWith('<input')) {
      const type = attr(tag, 'type') ?? 'text';
      if (type === 'checkbox' || type === 'radio') {
        let checked = attr(tag, 'checked') !== null;
        if (toggles.check?.includes(name)) checked = true;
        if (toggles.uncheck?.includes(name)) checked = false;
        if (checked) pairs.push([name, attr(tag, 'value') ?? 'on']);
        continue;
      }
      if (type === 'file') continue;
      pairs.push([name, name in edits ? (edits[name] as string) : (attr(tag, 'value') ?? '')]);
    } else if (el.startsWith('<select')) {
      if (name in edits) {
        pairs.push([name, edits[name] as string]);
        continue;
      }
      for (const opt of el.matchAll(/<option\b[^>]*>/g)) if (attr(opt[0], 'selected') !== null) pairs.push([name, attr(opt[0], 'value') ?? '']);
    } else {
      const text = el.slice(el.indexOf('>') + 1, el.lastIndexOf('</textarea>'));
      pairs.push([name, name in edits ? (edits[name] as string) : decodeEntities(text)]);
    }
  }
  // clicking the (first) submit button posts its name and value
  const submit = /<button\b[^>]*type="submit"[^>]*>/.exec(form);
  if (submit) {
    const name = attr(submit[0], 'name');
    if (name !== null) pairs.push([name, attr(submit[0], 'value') ?? '']);
  }
  return pairs;
}

/** The form-urlencoded body of browserPost pairs. */
export function formBody(pairs: [string, string][]): string {
  return new URLSearchParams(pairs).toString();
}
