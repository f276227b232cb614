/**
 * getInputData may return a plain object of key/value pairs ("Map/Reduce Script Type": an array, an
 * object, a search or a search reference); only {type: 'search', id} is a saved search reference.
 */
import { Account, createAccountState } from '../../src/account/account';
import { UsageMeter } from '../../src/runtime/governance';
import { searchInput } from '../../src/modules';
import type { ExecContext, ModuleEnv } from '../../src/types';

function ctxEnv(): { ctx: ExecContext; env: ModuleEnv } {
  const ctx = {
    account: new Account(createAccountState('2026-11-27')),
    meter: new UsageMeter(10_000),
    user: { id: '-4', name: 'System', email: '', role: 3, roleId: 'administrator', subsidiary: '1', preferences: {} },
    script: { scriptId: 'customscript_t', deploymentId: 'customdeploy_t', scriptType: 'MAPREDUCE', params: {}, logLevel: 'DEBUG' },
    executionContext: 'MAPREDUCE',
    triggersUserEvents: true,
  } as unknown as ExecContext;
  return { ctx, env: { search: {}, records: {}, userEvents: {} } as unknown as ModuleEnv };
}

describe('map/reduce input from a plain object', () => {
  it('is not taken for a search reference (the host then uses its own key/value pairs)', () => {
    const { ctx, env } = ctxEnv();
    expect(searchInput({ '7/0': '{"a":1}', '7/1': '{"a":2}' }, ctx, env)).toBeNull();
  });

  it('a {type: "search", id} reference to a missing search is still INVALID_SEARCH', () => {
    const { ctx, env } = ctxEnv();
    expect(() => searchInput({ type: 'search', id: 'customsearch_none' }, ctx, env)).toThrow(expect.objectContaining({ name: 'INVALID_SEARCH' }));
  });
});
