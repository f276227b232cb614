/** N/email: sent messages are kept in the account (nothing leaves the machine). */
import type { ModuleFactory } from '../types';
import { COST } from '../runtime/governance';
import { createError, requireArg } from '../runtime/errors';

interface FileLike {
  name: string;
  fileType: string;
  size?: number;
  getContents?: () => string;
}

function list(v: unknown): string[] {
  if (v === undefined || v === null || v === '') return [];
  return (Array.isArray(v) ? v : [v]).map(String);
}

export const createEmailModule: ModuleFactory = (ctx) => ({
  send(options: {
    author: number | string;
    recipients: unknown;
    subject: string;
    body: string;
    cc?: unknown;
    bcc?: unknown;
    attachments?: FileLike[];
    relatedRecords?: Record<string, unknown>;
  }) {
    requireArg(options, 'author', 'email.send');
    requireArg(options, 'recipients', 'email.send');
    requireArg(options, 'subject', 'email.send');
    requireArg(options, 'body', 'email.send');
    const recipients = list(options.recipients);
    const all = recipients.length + list(options.cc).length + list(options.bcc).length;
    if (recipients.length === 0) throw createError('SSS_MISSING_REQD_ARGUMENT', 'email.send: Missing a required argument: recipients');
    if (all > 10) throw createError('SSS_INVALID_ARG', `email.send: at most 10 recipients in all (to, cc, bcc); got ${all}`);
    ctx.meter.charge(COST.emailSend, 'email.send');
    const entry = {
      time: ctx.account.now(),
      author: String(options.author),
      recipients,
      subject: String(options.subject),
      body: String(options.body),
      attachments: (options.attachments ?? []).map((f) => ({
        name: f.name,
        fileType: f.fileType,
        size: f.size ?? (f.getContents ? f.getContents().length : 0),
      })),
    } as const;
    ctx.account.state.emails.push(options.relatedRecords ? { ...entry, relatedRecords: options.relatedRecords } : { ...entry });
  },
});
