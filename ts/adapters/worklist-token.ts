/**
 * Anti-forgery tokens for the worklist's POSTs.
 *
 * Threat model: a page on another site (or a link in an email) makes a collector's browser POST to the
 * Suitelet with the collector's NetSuite session cookie (cross-site request forgery), or a user replays a
 * form for another user. NetSuite gives scripts no session secret, so each user gets a random token
 * (128 bits from N/crypto/random, a CSPRNG) kept in an N/cache PRIVATE cache (readable only by this
 * script) under the user's internal id for 8 hours. Every form carries it in a hidden field; a POST is
 * accepted only when the posted token equals the cached token of the user making the request (compared in
 * constant time). An attacker cannot read the token (same-origin policy), and a token of one user is
 * worthless for another. Limits: a cache entry may be evicted early (the user then sees "the form has
 * expired, reload the page" and nothing is written); the token is per user, not per form, so it does not
 * stop double submission (post/redirect/get does). Scripts with the same user's session (XSS) defeat any
 * token: that is why every value written into the page is escaped.
 */
import * as cache from 'N/cache';
import * as random from 'N/crypto/random';
import { WL_CACHE } from '../core/ids/worklist';
import { tokenFromBytes, tokensEqual } from '../core/worklist';

const TTL_SECONDS = 8 * 3600;

function tokenCache(): cache.Cache {
  return cache.getCache({ name: WL_CACHE.tokens, scope: cache.Scope.PRIVATE });
}

function keyOf(userId: string | number): string {
  return `user:${String(userId)}`;
}

/** The user's current token, created when there is none (1 unit, 2 when created). */
export function tokenFor(userId: string | number): string {
  const c = tokenCache();
  const existing = c.get({ key: keyOf(userId) });
  if (typeof existing === 'string' && /^[0-9a-f]{32}$/.test(existing)) return existing;
  const token = tokenFromBytes(random.generateBytes({ size: 16 }));
  c.put({ key: keyOf(userId), value: token, ttl: TTL_SECONDS });
  return token;
}

/** Whether `posted` is this user's current token (1 unit). */
export function verifyToken(userId: string | number, posted: unknown): boolean {
  const existing = tokenCache().get({ key: keyOf(userId) });
  return typeof existing === 'string' && tokensEqual(existing, posted);
}
