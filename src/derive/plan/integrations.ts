// The words the plans use for each integration's settings, so templates never print an answers id. Pure.
// Rules (docs/rules.md, "Handlers and services"):
// - INT-1 `plan.integrationTerms`, per integration in answer order: `credentials` is the scheme's catalog label
//   (`api-key` -> `API keys`, `oauth2` -> `OAuth 2.0`), `no credentials` for `none`, and `credentials: <as written>`
//   for a scheme the catalog does not know; `retry` is the RETRY_TEXT words (`retried with exponential backoff`);
//   `retryCheck` what a stub test of that policy proves (`that it is not retried`, `the exponential backoff`).

import type { RetryPolicy } from '../../answers/answers.js';
import type { Integration, IntegrationTerms } from '../model.js';
import { TECHNOLOGIES, stackLabel } from '../catalog/technologies.js';
import { RETRY_TEXT } from './errors.js';

export function integrationCredentials(auth: string): string {
  if (auth === '' || auth === 'none') return 'no credentials';
  return Object.hasOwn(TECHNOLOGIES.auth, auth) ? stackLabel('auth', auth, true) : `credentials: ${auth}`;
}

const RETRY_CHECK: Record<RetryPolicy, string> = {
  none: 'that it is not retried',
  fixed: 'the retry at a fixed interval',
  exponential: 'the exponential backoff',
};

export function integrationTerms(integrations: readonly Integration[]): IntegrationTerms[] {
  return integrations.map((i) => ({ name: i.name, credentials: integrationCredentials(i.auth), retry: RETRY_TEXT[i.retry], retryCheck: RETRY_CHECK[i.retry] }));
}
