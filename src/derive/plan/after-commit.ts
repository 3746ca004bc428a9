// SVC-7: which integration calls of a write wait for the commit. Pure. Shared by the steps (services.ts), the
// error states (errors.ts: a call made after the commit never answers the client) and the risks.

import type { DomainError, Endpoint, Entity, Integration } from '../model.js';
import { saysAny, type WordList } from './word-lists.js';

export interface AfterCommitContext {
  entities: ReadonlyMap<string, Entity>;
  errors: readonly DomainError[];
}

/** Words in an integration's name or purpose that say it sends something out (SVC-7): e-mail, notify, post, ... */
export const SENDS: WordList = {
  words: new Set(['send', 'sends', 'sending', 'sms', 'email', 'emails', 'push', 'post', 'posts', 'alert', 'alerts', 'chat', 'slack']),
  stems: ['notif', 'mail', 'messag', 'remind'],
  pairs: [['webhook', 'out'], ['webhooks', 'out']],
};

/** Words that say the call's answer decides something (a charge, a check): such a call stays before the write even when it also sends. */
export const DECIDES: WordList = {
  words: new Set(['card', 'fraud', 'lookup', 'directory']),
  stems: ['charg', 'pay', 'authoris', 'authoriz', 'verif', 'check', 'scor', 'quot', 'pric', 'reserv', 'validat'],
  pairs: [['look', 'up']],
};

const sendsOnly = new WeakMap<Integration, boolean>();

/** SVC-7's words: the integration's name or purpose says it sends something out and nothing of deciding. Once per integration. */
function onlySends(i: Integration): boolean {
  let answer = sendsOnly.get(i);
  if (answer === undefined) {
    const words = `${i.name.replace(/([a-z])([A-Z])/g, '$1 $2')} ${i.purpose}`;
    sendsOnly.set(i, (answer = saysAny(words, SENDS) && !saysAny(words, DECIDES)));
  }
  return answer;
}

/**
 * SVC-7: a call goes after the commit when the endpoint writes, the integration only sends something out (its
 * name or purpose says send, notify, SMS, e-mail, message, post, alert, chat, remind, and says nothing of
 * charging, paying, authorizing, verifying, checking, scoring, quoting, pricing, reserving or looking up) and none of the
 * endpoint's declared errors names it (then its answer would decide the request). Everything else (a charge,
 * a lookup, a score) stays before the write.
 */
export function sideEffectAfterCommit(ep: Endpoint, i: Integration, ctx: AfterCommitContext): boolean {
  if (ep.method === 'GET' || !ctx.entities.has(ep.entity) || !onlySends(i)) return false;
  if (ep.errors.length === 0) return true;
  const declared = ctx.errors.filter((e) => ep.errors.includes(e.name));
  return !declared.some((e) => `${e.name} ${e.message} ${e.when}`.includes(i.name));
}

const NONE: readonly Integration[] = [];

/** The integrations an endpoint calls on the request path (before the commit, SVC-7): only these can fail the request. */
export function inRequestIntegrations(ep: Endpoint, integrations: ReadonlyMap<string, Integration>, ctx: AfterCommitContext): readonly Integration[] {
  if (ep.integrations.length === 0) return NONE;
  return ep.integrations
    .map((n) => integrations.get(n))
    .filter((i): i is Integration => i !== undefined && !sideEffectAfterCommit(ep, i, ctx));
}
