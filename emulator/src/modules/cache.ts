/** N/cache: named caches kept in the account; values are strings (objects are stored as JSON). */
import type { ModuleFactory } from '../types';
import { COST } from '../runtime/governance';
import { createError, requireArg } from '../runtime/errors';

export const Scope = { PRIVATE: 'PRIVATE', PROTECTED: 'PROTECTED', PUBLIC: 'PUBLIC' } as const;
/** NetSuite's minimum time to live is 300 s; without ttl the entry lives until evicted. */
const MIN_TTL = 300;

function str(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export const createCacheModule: ModuleFactory = (ctx) => ({
  Scope,
  getCache(options: { name: string; scope?: string }) {
    const name = requireArg(options, 'name', 'cache.getCache') as string;
    if (String(name).length > 1024) throw createError('SSS_INVALID_ARG', 'cache name longer than 1,024 characters');
    const scope = options.scope ?? Scope.PRIVATE;
    // PRIVATE caches belong to one script; PROTECTED/PUBLIC are shared.
    const bucketName = scope === Scope.PRIVATE ? `${ctx.script.scriptId}::${name}` : `${scope}::${name}`;
    const bucket = () => (ctx.account.state.cache[bucketName] ??= {});
    const live = (key: string) => {
      const e = bucket()[key];
      if (!e) return null;
      if (e.expires !== null && e.expires < Date.now()) {
        delete bucket()[key];
        return null;
      }
      return e.value;
    };
    const put = (key: string, value: unknown, ttl?: number) => {
      const t = ttl === undefined ? null : Math.max(MIN_TTL, Number(ttl));
      bucket()[key] = { value: str(value), expires: t === null ? null : Date.now() + t * 1000 };
    };
    return {
      name,
      scope,
      get(o: { key: string; loader?: (ctx: { key: string }) => unknown; ttl?: number }) {
        const key = String(requireArg(o, 'key', 'Cache.get'));
        const hit = live(key);
        if (hit !== null || !o.loader) {
          ctx.meter.charge(COST.cacheGet, 'cache.get');
          return hit;
        }
        ctx.meter.charge(COST.cacheGetWithLoader, 'cache.get (loader)');
        const loaded = o.loader({ key });
        if (loaded === null || loaded === undefined) return null;
        put(key, loaded, o.ttl);
        return str(loaded);
      },
      put(o: { key: string; value: unknown; ttl?: number }) {
        const key = String(requireArg(o, 'key', 'Cache.put'));
        requireArg(o, 'value', 'Cache.put');
        ctx.meter.charge(COST.cachePut, 'cache.put');
        put(key, o.value, o.ttl);
      },
      remove(o: { key: string }) {
        const key = String(requireArg(o, 'key', 'Cache.remove'));
        ctx.meter.charge(COST.cacheRemove, 'cache.remove');
        delete bucket()[key];
      },
    };
  },
});
