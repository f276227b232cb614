/** N/render: customer statements as PDF files (render.statement), 10 units. */
import type { ModuleFactory } from '../types';
import { COST } from '../runtime/governance';
import { createError, requireArg } from '../runtime/errors';
import { buildPdf, type PdfLine } from '../runtime/pdf';
import { isoFromDate, isIsoDate, formatDate } from '../runtime/values';
import { makeFile } from './file';

export const PrintMode = { PDF: 'PDF', HTML: 'HTML', DEFAULT: 'DEFAULT' } as const;

function asIso(v: unknown): string | null {
  if (v === undefined || v === null || v === '') return null;
  if (v instanceof Date) return isoFromDate(v);
  if (isIsoDate(v)) return v;
  throw createError('INVALID_FLD_VALUE', `render.statement: ${String(v)} is not a date`);
}

export const createRenderModule: ModuleFactory = (ctx, env) => ({
  PrintMode,
  statement(options: { entityId: number | string; printMode?: string; startDate?: unknown; statementDate?: unknown; openTransactionsOnly?: boolean; consolidateStatements?: boolean; formId?: number; subsidiaryId?: number }) {
    const entityId = String(requireArg(options, 'entityId', 'render.statement'));
    if (!env.records.exists('customer', entityId)) {
      throw createError('RCRD_DSNT_EXIST', `That record does not exist. customer id ${entityId}`);
    }
    ctx.meter.charge(COST.renderStatement, 'render.statement');
    const customer = env.records.view('customer', entityId);
    const statementDate = asIso(options.statementDate) ?? ctx.account.today();
    const startDate = asIso(options.startDate);
    const openOnly = options.openTransactionsOnly === true;
    const fmt = ctx.user.preferences.DATEFORMAT || ctx.account.state.company.dateFormat;
    const lines: PdfLine[] = [
      { text: ctx.account.state.company.companyName, size: 14, bold: true },
      { text: 'Statement', size: 16, bold: true },
      { text: `${String(customer.fields.companyname ?? customer.fields.entityid ?? entityId)}`, bold: true },
      { text: `Statement date: ${formatDate(statementDate, fmt)}${startDate ? `   From: ${formatDate(startDate, fmt)}` : ''}` },
      { text: ' ' },
      { text: 'Date         Type        Number            Due date        Amount        Open', bold: true },
    ];
    let open = 0;
    for (const row of env.search.rows('transaction')) {
      const who = row.value('entity') ?? row.value('customer');
      if (String(who) !== entityId) continue;
      const type = String(row.value('type'));
      if (!['CustInvc', 'CustCred', 'CustPymt'].includes(type)) continue;
      const date = String(row.value('trandate'));
      if (date > statementDate || (startDate && date < startDate)) continue;
      const remaining = Number(row.value('fxamountremaining') ?? 0);
      if (openOnly && remaining === 0) continue;
      const sign = type === 'CustInvc' ? 1 : -1;
      open += sign * remaining;
      const due = row.value('duedate');
      lines.push({
        text: `${formatDate(date, fmt).padEnd(13)}${(row.text('type') ?? type).padEnd(12)}${String(row.value('tranid') ?? '').padEnd(18)}${(due ? formatDate(String(due), fmt) : '').padEnd(16)}${(sign * Number(row.value('fxamount') ?? row.value('total') ?? 0)).toFixed(2).padStart(10)}${(sign * remaining).toFixed(2).padStart(12)}`,
      });
    }
    lines.push({ text: ' ' }, { text: `Amount due: ${open.toFixed(2)}`, bold: true, size: 12 });
    const pdf = buildPdf(`Statement ${entityId}`, lines);
    return makeFile(ctx, { name: `statement_${entityId}_${statementDate}.pdf`, fileType: 'PDF', contents: pdf.toString('base64'), base64: true });
  },
});
