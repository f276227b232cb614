/** The N/* modules the emulator provides, by module name. Anything else fails with MODULE_DOES_NOT_EXIST. */
import type { ExecContext, ModuleEnv, ModuleFactory } from '../types';
import { createRuntimeModule } from './runtime';
import { createLogModule } from './log';
import { createErrorModule } from './error';
import { createFormatModule } from './format';
import { createTaskModule } from './task';
import { createEmailModule } from './email';
import { createRenderModule } from './render';
import { createCacheModule } from './cache';
import { createCryptoRandomModule } from './crypto-random';
import { createConfigModule } from './config';
import { createFileModule } from './file';
import { createRecordModule } from './record';
import { createSearchModule, searchToMapReduceInput, SearchObject } from './search';
import { createServerWidgetModule } from '../ui/serverWidget';
import { createMessageModule } from '../ui/message';
import { createRedirectModule } from '../ui/redirect';
import { createUrlModule } from '../ui/url';

export const MODULES: Record<string, ModuleFactory> = {
  'N/runtime': createRuntimeModule,
  'N/log': createLogModule,
  'N/error': createErrorModule,
  'N/format': createFormatModule,
  'N/task': createTaskModule,
  'N/email': createEmailModule,
  'N/render': createRenderModule,
  'N/cache': createCacheModule,
  'N/crypto/random': createCryptoRandomModule,
  'N/config': createConfigModule,
  'N/file': createFileModule,
  'N/record': createRecordModule,
  'N/search': createSearchModule,
  'N/ui/serverWidget': createServerWidgetModule as ModuleFactory,
  'N/ui/message': createMessageModule as ModuleFactory,
  'N/redirect': createRedirectModule as ModuleFactory,
  'N/url': createUrlModule as ModuleFactory,
};

/** Map/reduce input from a search object or a saved search reference returned by getInputData. */
export function searchInput(input: unknown, ctx: ExecContext, env: ModuleEnv): { key: string; value: string }[] | null {
  // A plain object without `type` is getInputData's own key/value pairs, not a search reference ({type: 'search', id}).
  if (input !== null && typeof input === 'object' && !(input instanceof SearchObject) && (input as { type?: unknown }).type === undefined) return null;
  return searchToMapReduceInput(input, ctx, env) as { key: string; value: string }[] | null;
}
