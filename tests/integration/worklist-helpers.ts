/**
 * Worklist integration fixtures: an account with collectors, a supervisor and past-due customers, and a
 * project folder holding only the objects the worklist needs (so that other capabilities' work in
 * progress, and their user events, do not affect these tests or their usage figures).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Emulator, type SuiteletResult } from '../../emulator/src/emulator';
import { ensureBuilt, ROOT } from './helpers';

export const SL = 'customscript_ara_sl_worklist';
export const DEPLOY = 'customdeploy_ara_sl_worklist';
export const ASOF = '2026-11-27';

export const ADMIN = '1';
export const COLE = '2';
export const DANA = '3';
export const SAM = '4';
export const NORA = '5';

const OBJECTS = [
  /^custentity_ara_/,
  /^custbody_ara_/,
  /^customrecord_ara_(settings|credit_event|activity)\.xml$/,
  /^customscript_ara_sl_worklist\.xml$/,
];

let projectDir: string | null = null;

/** A project folder with the worklist's objects and the built File Cabinet. */
export function worklistProject(): string {
  if (projectDir && existsSync(projectDir)) return projectDir;
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'ara-worklist-'));
  mkdirSync(join(dir, 'Objects'));
  for (const f of readdirSync(join(ROOT, 'src/Objects'))) {
    if (OBJECTS.some((re) => re.test(f))) cpSync(join(ROOT, 'src/Objects', f), join(dir, 'Objects', f));
  }
  for (const f of ['manifest.xml', 'deploy.xml']) cpSync(join(ROOT, 'src', f), join(dir, f));
  symlinkSync(join(ROOT, 'src/FileCabinet'), join(dir, 'FileCabinet'), 'dir');
  projectDir = dir;
  return dir;
}

type Rec = Record<string, unknown>;

export function invoice(id: number, entity: number, trandate: string, amount: number, extra: Rec = {}): Rec {
  return { id, entity, trandate, currency: 1, exchangerate: 1, subsidiary: 1, terms: 1, item: [{ item: 1, quantity: 1, rate: amount, amount }], ...extra };
}

export function customer(id: number, name: string, collector: string | null, extra: Rec = {}): Rec {
  return {
    id,
    entityid: `C${id}`,
    companyname: name,
    subsidiary: 1,
    currency: 1,
    terms: 1,
    email: `ar${id}@example.com`,
    ...(collector ? { custentity_ara_collector: Number(collector) } : {}),
    ...extra,
  };
}

/** The base fixture: Cole's customers 10 (score 2,000.00) and 11 (2,800.00), Dana's 12, unassigned 13, Cole's 14 (not yet due). */
export function baseFixture(more: { customer?: Rec[]; invoice?: Rec[]; customerpayment?: Rec[]; settings?: Rec[]; activity?: Rec[] } = {}): unknown {
  return {
    asOf: ASOF,
    records: {
      currency: [{ id: 1, name: 'USD', symbol: 'USD', exchangerate: 1 }],
      subsidiary: [
        { id: 1, name: 'Parent Co', currency: 1 },
        { id: 2, name: 'Other Co', currency: 1 },
      ],
      term: [{ id: 1, name: 'Net 30', daysuntilnetdue: 30 }],
      employee: [
        { id: 1, entityid: 'Ada Admin', firstname: 'Ada', lastname: 'Admin', email: 'ada@example.com', subsidiary: 1, roles: [{ selectedrole: 3 }] },
        { id: 2, entityid: 'Cole Collector', firstname: 'Cole', lastname: 'Collector', email: 'cole@example.com', subsidiary: 1, roles: [{ selectedrole: 'customrole_ara_collector' }] },
        { id: 3, entityid: 'Dana Collector', firstname: 'Dana', lastname: 'Collector', email: 'dana@example.com', subsidiary: 1, roles: [{ selectedrole: 'customrole_ara_collector' }] },
        { id: 4, entityid: 'Sam Supervisor', firstname: 'Sam', lastname: 'Supervisor', email: 'sam@example.com', subsidiary: 1, roles: [{ selectedrole: 'customrole_ara_supervisor' }] },
        { id: 5, entityid: 'Nora Sales', firstname: 'Nora', lastname: 'Sales', email: 'nora@example.com', subsidiary: 1, roles: [{ selectedrole: 'customrole_sales' }] },
      ],
      customer: [
        customer(10, '<script>alert("x")</script> Corp', COLE, { creditlimit: 5000 }),
        customer(11, 'Beta & Sons', COLE),
        customer(12, 'Gamma', DANA),
        customer(13, 'Delta', null),
        customer(14, 'Epsilon', COLE),
        ...(more.customer ?? []),
      ],
      invoice: [
        invoice(100, 10, '2026-09-01', 1000),
        invoice(110, 11, '2026-06-01', 500),
        invoice(111, 11, '2026-10-20', 300),
        invoice(120, 12, '2026-08-01', 700),
        invoice(130, 13, '2026-10-01', 400),
        invoice(140, 14, '2026-11-20', 900),
        ...(more.invoice ?? []),
      ],
      ...(more.customerpayment ? { customerpayment: more.customerpayment } : {}),
      customrecord_ara_settings: [
        {
          id: 1,
          name: 'Company default',
          custrecord_ara_set_worklist_roles: 'customrole_ara_collector',
          custrecord_ara_set_supervisor_roles: 'customrole_ara_supervisor',
          custrecord_ara_set_override_roles: 'customrole_ara_supervisor',
          custrecord_ara_set_score_weights: '1,2,3,4,5',
        },
        ...(more.settings ?? []),
      ],
      ...(more.activity ? { customrecord_ara_activity: more.activity } : {}),
    },
  };
}

export function worklistAccount(fixture: unknown = baseFixture()): Emulator {
  const dir = worklistProject();
  const emu = Emulator.create(ASOF);
  emu.applyProjectCustomizations(dir);
  emu.loadFixture(fixture);
  emu.deploy(dir);
  return emu;
}

export interface Call {
  as: string;
  role?: string;
  params?: Record<string, string>;
}

export function get(emu: Emulator, c: Call): SuiteletResult {
  return emu.suitelet(SL, DEPLOY, { method: 'GET', as: c.as, role: c.role ?? null, params: c.params ?? {} });
}

export function post(emu: Emulator, c: Call): SuiteletResult {
  return emu.suitelet(SL, DEPLOY, { method: 'POST', as: c.as, role: c.role ?? null, params: c.params ?? {} });
}

/** The anti-forgery token of a user, read from an action form as a browser would. */
export function tokenOf(emu: Emulator, as: string, customerId: string, action = 'log'): string {
  const r = get(emu, { as, params: { ara_customer: customerId, ara_action: action } });
  const m = /name="ara_token"[^>]*value="([0-9a-f]+)"|value="([0-9a-f]{32})"[^>]*name="ara_token"/.exec(r.body);
  if (!m) throw new Error(`no token in the form: ${r.error?.message ?? r.body.slice(0, 500)}`);
  return m[1] ?? m[2];
}

/** The page's banners as 'type: title: text' (rendered HTML, entities left as they are), in order. */
export function banners(html: string): string[] {
  const re = /data-banner="(\w+)"><div class="ns-banner-title">([\s\S]*?)<\/div><div class="ns-banner-text">([\s\S]*?)<\/div><\/div>/g;
  return [...html.matchAll(re)].map((m) => `${m[1]}: ${m[2]}: ${m[3]}`);
}

/** Cells of a sublist column in rendered HTML (data-sublist/data-field hooks). */
export function column(html: string, sublist: string, field: string): string[] {
  const re = new RegExp(`data-sublist="${sublist}"[^>]*data-line="(\\d+)"[^>]*data-field="${field}"[^>]*>([\\s\\S]*?)</td>`, 'g');
  const out: string[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) out[Number(m[1])] = m[2];
  return out;
}
