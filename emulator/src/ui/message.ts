/**
 * N/ui/message. Message objects are created on the server to be handed to Form.addPageInitMessage (the
 * banner is rendered by renderPage). show()/hide() act on the browser page: the emulator does not run
 * client scripts, so on the server they throw SSS_INVALID_API_USAGE (emulator choice, see FIDELITY.md).
 */
import type { ExecContext, ModuleEnv } from '../types';
import { createError, requireArg } from '../runtime/errors';

/** message.Type: NetSuite's values are the numbers 0–3. */
export const MessageType = Object.freeze({
  CONFIRMATION: 0,
  INFORMATION: 1,
  WARNING: 2,
  ERROR: 3,
} as const);

export type MessageTypeValue = (typeof MessageType)[keyof typeof MessageType];

/** What a banner needs; the shape Form.addPageInitMessage stores. */
export interface MessageData {
  type: MessageTypeValue;
  title: string;
  message: string;
  duration: number;
}

const MESSAGE_DATA = new WeakMap<object, MessageData>();

/** Message data of a message.Message object created by this module, or null for anything else. */
export function messageDataOf(value: unknown): MessageData | null {
  return value && typeof value === 'object' ? (MESSAGE_DATA.get(value) ?? null) : null;
}

/** Validate message.create options (also used by Form.addPageInitMessage with plain options). */
export function toMessageData(options: unknown, method: string): MessageData {
  const type = requireArg(options, 'type', method);
  const o = options as Record<string, unknown>;
  const t = typeof type === 'string' && /^\d+$/.test(type) ? Number(type) : type;
  if (t !== 0 && t !== 1 && t !== 2 && t !== 3) {
    throw createError('SSS_INVALID_TYPE_ARG', `${method}: invalid message type ${String(type)} (use message.Type)`);
  }
  let duration = 0;
  if (o.duration !== undefined && o.duration !== null) {
    duration = typeof o.duration === 'string' ? Number(o.duration) : (o.duration as number);
    if (typeof duration !== 'number' || !Number.isFinite(duration)) {
      throw createError('WRONG_PARAMETER_TYPE', `${method}: Wrong parameter type: options.duration is expected as number.`);
    }
  }
  return {
    type: t,
    title: o.title === undefined || o.title === null ? '' : String(o.title),
    message: o.message === undefined || o.message === null ? '' : String(o.message),
    duration,
  };
}

/** Lower-case name of a message type ('confirmation', ...), for CSS classes. */
export function messageTypeName(type: MessageTypeValue): string {
  return (['confirmation', 'information', 'warning', 'error'] as const)[type];
}

/** N/ui/message module factory. */
export function createMessageModule(ctx: ExecContext, _env: ModuleEnv): Record<string, unknown> {
  void _env;
  const clientSide = ctx.executionContext === 'CLIENT';
  const clientOnly = (what: string) => {
    if (!clientSide) {
      throw createError(
        'SSS_INVALID_API_USAGE',
        `${what} is only available in client scripts; on the server hand the message to Form.addPageInitMessage({message}).`,
      );
    }
  };
  return {
    Type: MessageType,
    create(options: unknown): Record<string, unknown> {
      const data = toMessageData(options, 'message.create');
      const msg = {
        get type() {
          return data.type;
        },
        get title() {
          return data.title;
        },
        get message() {
          return data.message;
        },
        get duration() {
          return data.duration;
        },
        show(showOptions?: { duration?: number | string }): void {
          clientOnly('Message.show');
          if (showOptions && showOptions.duration !== undefined) data.duration = Number(showOptions.duration);
        },
        hide(): void {
          clientOnly('Message.hide');
        },
        toJSON(): MessageData {
          return { ...data };
        },
      };
      MESSAGE_DATA.set(msg, data);
      return msg;
    },
  };
}
