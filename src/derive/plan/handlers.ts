// Handler and service names from method and path. Pure.
// Rules (docs/rules.md, "Handlers and services"):
// - NAME-1 the verb: GET on a collection `list`, GET on an item `get`, POST `create`, PUT `replace`,
//   PATCH `update`, DELETE `delete`.
// - NAME-2 an endpoint on an entity: verb + the entities its path parameters name before it (its parents, in
//   path order, the endpoint's own entity left out) + the entity, plural for `list`:
//   POST /payments -> createPayment, GET /customers/{id}/payments -> listCustomerPayments,
//   POST /payments/{id}/refunds -> createPaymentRefund; a parent whose name starts the entity's is left out
//   (PUT /orders/{id}/lines/{line_id} on OrderLine -> replaceOrderLine). When the path ends in a word that is not the entity's
//   collection nor its own name (POST /users/{id}/follow on Follow -> createUserFollow) (an action such as /payments/{id}/capture), a POST uses that word as its verb (capturePayment)
//   and other methods append it (GET /payments/{id}/receipt -> getPaymentReceipt).
// - NAME-3 an endpoint on no entity: its group is the first path word (after `api` and version words such as
//   `v1`), singular; its service is `<Group>Service`; its handler is `handle` for POST (other methods keep
//   NAME-1's verb) + the later path words + the group: POST /webhooks/stripe -> WebhookService.handleStripeWebhook,
//   GET /health -> HealthService.getHealth.
// - NAME-4 an endpoint on an entity belongs to `<Entity>Service`.
// - NAME-5 names are unique within a service: a later endpoint deriving a name already taken is qualified by
//   its path's other static words (GET /public/{tenant_slug}/articles -> listPublicArticles), else by its
//   parameters that name no entity (listArticlesByTenantSlug), else both; a number (2, 3, ...) only when
//   all of these are taken too.

import { singularize, toCamel, toPascal } from '../../answers/names.js';
import type { Endpoint, Entity } from '../model.js';
import { flat } from './text.js';
import { lowerAscii } from './word-lists.js';

export interface EndpointNames {
  handler: string;
  service: string;
  /** The group word of an entity-less endpoint, Pascal case; '' for entity endpoints. */
  group: string;
  /** The action word ending an entity endpoint's path (`capture`), as written; '' when none. */
  action: string;
}

const VERSION = /^v\d+$/i;
/** A path segment that is a parameter: `{id}`. */
const PARAM_SEGMENT = /^\{.*\}$/;

function staticWords(path: string): string[] {
  const words = path.split('/').filter((s) => s !== '' && !PARAM_SEGMENT.test(s));
  let start = 0;
  while (start < words.length && (words[start] === 'api' || VERSION.test(words[start]!))) start++;
  return words.slice(start);
}

const lastBaseWords = new WeakMap<Entity, string>();

/** The last word of the entity's base path (`payments` for /v1/payments), once per entity. */
function lastBaseWord(e: Entity): string {
  let word = lastBaseWords.get(e);
  if (word === undefined) lastBaseWords.set(e, (word = e.basePath.split('/').filter((s) => s !== '').pop() ?? ''));
  return word;
}

/**
 * Whether a path word names the entity's collection: its plural (kebab or snake), its base path's last word, or
 * the plural's last words (`lines` for OrderLine); or the entity itself, in the singular (`follow` for Follow,
 * `line` for OrderLine): POST /users/{id}/follow creates a Follow, it is no action named "follow".
 */
export function isCollectionWord(e: Entity, word: string): boolean {
  if (word === e.plural.kebab || word === e.table || word === lastBaseWord(e)) return true;
  if (word === e.names.kebab || word === e.names.snake || e.names.kebab.endsWith(`-${word}`) || e.names.snake.endsWith(`_${word}`)) return true;
  if (e.plural.kebab.endsWith(`-${word}`) || e.table.endsWith(`_${word}`)) return true;
  // NAME-2: a shortened plural of a compound name (`threshold-prefs` for ThresholdAlertNotificationPreference,
  // `aml-screenings` for AMLScreeningResult): two or more words, the first the entity's own, ending in s as
  // the plural does. Its collection, not an action (`thresholded_prefs` would be no event).
  const parts = word.split('-');
  const first = e.names.kebab.split('-')[0] ?? '';
  if (parts.length > 1 && parts[0] === first && e.names.kebab.includes('-') && word.endsWith('s') && e.plural.kebab.endsWith('s')) return true;
  // NAME-2: a one-word plural of a compound name's first word (`exports` for ExportJob): its collection, not
  // the action "exports" (`exportsFirmExportJob`, event `export_job.exportsed`).
  return parts.length === 1 && e.names.kebab.includes('-') && word !== first && singularize(word) === first;
}

/** NAME-6: a path word that says the request is a webhook or callback from the sender named after it. */
/**
 * isCollectionWord for any of the entities, as lookups: the words each entity claims, made once per entity map
 * (a search of every entity for each path word grows as endpoints x entities).
 */
export function anyCollectionWord(byName: ReadonlyMap<string, Entity>): (word: string) => boolean {
  const known = collectionIndexes.get(byName);
  if (known) return known;
  const exact = new Set<string>();
  const compoundFirsts = new Set<string>(); // first words of compound names
  const pluralFirsts = new Set<string>(); // ... whose plural ends in s
  const suffixes = (text: string, separator: string): void => {
    for (let at = text.indexOf(separator); at >= 0; at = text.indexOf(separator, at + 1)) exact.add(text.slice(at + 1));
  };
  for (const e of byName.values()) {
    exact.add(e.plural.kebab).add(e.table).add(e.basePath.split('/').filter((s) => s !== '').pop() ?? '').add(e.names.kebab).add(e.names.snake);
    suffixes(e.names.kebab, '-');
    suffixes(e.names.snake, '_');
    suffixes(e.plural.kebab, '-');
    suffixes(e.table, '_');
    if (e.names.kebab.includes('-')) {
      const first = e.names.kebab.split('-')[0] ?? '';
      compoundFirsts.add(first);
      if (e.plural.kebab.endsWith('s')) pluralFirsts.add(first);
    }
  }
  const test = (word: string): boolean => {
    if (exact.has(word)) return true;
    const parts = word.split('-');
    if (parts.length > 1) return word.endsWith('s') && pluralFirsts.has(parts[0]!);
    const one = singularize(word);
    return word !== one && compoundFirsts.has(one);
  };
  collectionIndexes.set(byName, test);
  return test;
}

const collectionIndexes = new WeakMap<ReadonlyMap<string, Entity>, (word: string) => boolean>();

/** Path words that name an inbound hook, in any case. */
const WEBHOOK_WORDS: ReadonlySet<string> = new Set(['webhook', 'webhooks', 'callback', 'callbacks', 'hooks']);

function verbOf(ep: Endpoint, endsWithParam: boolean): string {
  switch (ep.method) {
    case 'GET':
      return endsWithParam && !ep.paginated && ep.response.kind !== 'page' ? 'get' : 'list';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'replace';
    case 'PATCH':
      return 'update';
    case 'DELETE':
      return 'delete';
  }
}

const entityServices = new WeakMap<Entity, string>();

/** NAME-4: `<Entity>Service`, one string per entity (every endpoint on the entity names it). */
function serviceOf(entity: Entity): string {
  let name = entityServices.get(entity);
  if (name === undefined) entityServices.set(entity, (name = flat(`${entity.names.pascal}Service`)));
  return name;
}

/** Names before NAME-5's de-duplication, with the distinguishing names to try when the first is taken. */
export function baseNames(ep: Endpoint, byName: ReadonlyMap<string, Entity>): EndpointNames & { alternatives: string[] } {
  const segments = ep.path.split('/').filter((s) => s !== '');
  const last = segments[segments.length - 1] ?? '';
  const endsWithParam = PARAM_SEGMENT.test(last);
  const entity = ep.entity ? byName.get(ep.entity) : undefined;

  if (entity) {
    // A parent whose name already starts the entity's (Order for OrderLine) is not said twice.
    const parents = [...new Set(ep.pathParams.map((p) => p.entity).filter((n) => n !== '' && n !== entity.name && !entity.names.pascal.startsWith(byName.get(n)?.names.pascal ?? n)))];
    const parentPart = parents.map((n) => byName.get(n)?.names.pascal ?? toPascal(n)).join('');
    // An expanded resource is never an action: its base_path may be any word.
    const isAction = ep.origin.kind === 'endpoint' && !endsWithParam && last !== '' && !isCollectionWord(entity, last) && toPascal(last) !== '';
    let verb = verbOf(ep, endsWithParam);
    if (isAction && verb === 'list' && !ep.paginated && ep.response.kind !== 'page') verb = 'get';
    const noun = verb === 'list' && !isAction ? entity.plural.pascal : entity.names.pascal;
    // NAME-6: POST /webhooks/carrier on Shipment receives the carrier's webhook: handleCarrierWebhook, no action
    // word (the sender's name is no verb: `carrierShipment`, event `shipment.carriered`).
    const statics = staticWords(ep.path);
    const hook = statics.slice(0, -1).find((w) => WEBHOOK_WORDS.has(lowerAscii(w)));
    if (hook !== undefined && ep.method === 'POST' && isAction) {
      const kind = toPascal(singularize(hook));
      const base = `handle${toPascal(last)}${kind}`;
      return { handler: base, service: serviceOf(entity), group: '', action: '', alternatives: [`${base}${entity.names.pascal}`] };
    }
    const name = (qualifier: string, by: string): string =>
      isAction && ep.method === 'POST'
        ? `${toCamel(last)}${qualifier}${parentPart}${noun}${by}`
        : `${verb}${qualifier}${parentPart}${noun}${isAction ? toPascal(last) : ''}${by}`;
    // NAME-5's qualifiers: the path's other static words, then the parameters that name no entity.
    const inCollection = (w: string): boolean => w === last || ep.pathParams.some((p) => p.name === w);
    const anyCollection = anyCollectionWord(byName);
    const words = statics.filter((w) => !inCollection(w) && !isCollectionWord(entity, w) && !anyCollection(w));
    const loose = ep.pathParams.filter((p) => p.entity === '').map((p) => toPascal(p.name)).filter((w) => w !== '');
    const alternatives = [
      ...(words.length > 0 ? [name(words.map(toPascal).join(''), '')] : []),
      ...(loose.length > 0 ? [name('', `By${loose.join('And')}`)] : []),
      ...(words.length > 0 && loose.length > 0 ? [name(words.map(toPascal).join(''), `By${loose.join('And')}`)] : []),
    ];
    return { handler: name('', ''), service: serviceOf(entity), group: '', action: isAction ? last : '', alternatives };
  }

  const words = staticWords(ep.path).map(toPascal).filter((w) => w !== '');
  const group = words[0] ? toPascal(singularize(words[0])) : 'Api';
  const verb = ep.method === 'POST' ? 'handle' : verbOf(ep, endsWithParam) === 'list' ? 'get' : verbOf(ep, endsWithParam);
  const loose = ep.pathParams.map((p) => toPascal(p.name)).filter((w) => w !== '');
  const alternatives = loose.length > 0 ? [`${verb}${words.slice(1).join('')}${group}By${loose.join('And')}`] : [];
  return { handler: `${verb}${words.slice(1).join('')}${group}`, service: `${group}Service`, group, action: '', alternatives };
}

/** Handler and service of every endpoint, in endpoint order, unique within each service (NAME-5). */
export function endpointNames(endpoints: readonly Endpoint[], entities: readonly Entity[]): EndpointNames[] {
  const byName = new Map(entities.map((e) => [e.name, e]));
  const taken = new Map<string, Set<string>>();
  return endpoints.map((ep) => {
    const base = baseNames(ep, byName);
    let used = taken.get(base.service);
    if (!used) taken.set(base.service, (used = new Set<string>()));
    let handler = base.handler;
    if (used.has(handler)) handler = base.alternatives.find((h) => !used.has(h)) ?? base.handler;
    // The very last resort: a number.
    for (let n = 2; used.has(handler); n++) handler = `${base.handler}${n}`;
    used.add(handler);
    return { handler: flat(handler), service: base.service, group: base.group, action: base.action };
  });
}
