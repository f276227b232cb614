/**
 * SuiteScript errors as scripts see them (N/error's SuiteScriptError): name (the error code users search
 * for), message, id, notifyOff, type 'error.SuiteScriptError'. The emulator throws these for every
 * NetSuite failure so product code can branch on `e.name` as it would in NetSuite.
 */
let errorSeq = 0;

export class SuiteScriptError extends Error {
  readonly type: string = 'error.SuiteScriptError';
  readonly id: string;
  readonly notifyOff: boolean;
  override readonly cause?: unknown;
  constructor(name: string, message: string, notifyOff = false, cause?: unknown) {
    super(message);
    this.name = name;
    this.id = `emu${Date.now().toString(36)}${(errorSeq++).toString(36)}`;
    this.notifyOff = notifyOff;
    if (cause !== undefined) this.cause = cause;
  }
  toJSON(): Record<string, unknown> {
    return { type: this.type, name: this.name, message: this.message, id: this.id, notifyOff: this.notifyOff };
  }
  override toString(): string {
    return `${this.name}: ${this.message}`;
  }
}

/** An error raised by a user event script (NetSuite wraps them as UserEventError in some contexts). */
export class UserEventError extends SuiteScriptError {
  override readonly type: string = 'error.UserEventError';
  readonly eventType: string;
  readonly recordId: string | null;
  constructor(name: string, message: string, eventType: string, recordId: string | null) {
    super(name, message);
    this.eventType = eventType;
    this.recordId = recordId;
  }
}

export function createError(name: string, message: string, notifyOff = false): SuiteScriptError {
  return new SuiteScriptError(name, message, notifyOff);
}

/** Throws SSS_MISSING_REQD_ARGUMENT when an options argument lacks a required member. */
export function requireArg(options: unknown, member: string, method: string): unknown {
  if (options === null || typeof options !== 'object' || (options as Record<string, unknown>)[member] === undefined) {
    throw createError('SSS_MISSING_REQD_ARGUMENT', `${method}: Missing a required argument: ${member}`);
  }
  return (options as Record<string, unknown>)[member];
}

export function isSuiteScriptError(e: unknown): e is SuiteScriptError {
  return e instanceof SuiteScriptError;
}

/** Normalise anything thrown by a script into {name, message} for run reports. */
export function describeError(e: unknown): { name: string; message: string } {
  if (e instanceof Error) return { name: e.name || 'Error', message: e.message };
  if (e && typeof e === 'object' && 'name' in e && 'message' in e) {
    return { name: String((e as { name: unknown }).name), message: String((e as { message: unknown }).message) };
  }
  return { name: 'UNEXPECTED_ERROR', message: String(e) };
}
