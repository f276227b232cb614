/** N/error: SuiteScriptError objects with a name (code) users can search for. */
import type { ModuleFactory } from '../types';
import { SuiteScriptError, requireArg } from '../runtime/errors';

export const createErrorModule: ModuleFactory = () => ({
  Type: {},
  create(options: { name: string; message: string; notifyOff?: boolean }) {
    const name = requireArg(options, 'name', 'error.create') as string;
    const message = requireArg(options, 'message', 'error.create') as string;
    return new SuiteScriptError(String(name), String(message), options.notifyOff === true);
  },
});
