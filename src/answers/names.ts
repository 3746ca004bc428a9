// Name helpers shared by validation and the normaliser, so an expanded resource path is the same in both. Pure.
// The conventions (how a name splits into words, how its plural is made) are docs/rules.md's NAMES rules.

/**
 * NAMES-2: mixed-case names kept whole as one word, in their own spelling where a case is capitalised
 * (`IoTDevice` -> iot_device, `IoTDevice`; `OAuthToken` -> oauth_token, `OAuthToken`). Splitting them at their
 * inner capital would give `io_t_device`. Only names whose usual spelling has such a capital are listed.
 */
const TERMS = [
  'DevOps', 'DynamoDB', 'GitHub', 'GitLab', 'GraphQL', 'IaaS', 'IoT', 'JavaScript', 'LinkedIn', 'MongoDB', 'MySQL',
  'NoSQL', 'OAuth', 'OpenAPI', 'OpenID', 'PaaS', 'PayPal', 'PostgreSQL', 'QoS', 'SaaS', 'TypeScript', 'WebSocket',
  'WhatsApp', 'WiFi', 'YouTube',
];
const TERM_BY_LOWER = new Map(TERMS.map((t) => [t.toLowerCase(), t]));

// Digits after a word stick to it (`ICD10Code` -> icd10, code; `S3Object` -> s3, object), with any lower-case
// letters after them (`v2beta`), unless an initialism follows them (`Reading4K` -> reading, 4k).
const DIGITS = '(?:[0-9]+(?![0-9])(?![A-Z]+(?![a-z]))[a-z]*)*';
/** NAMES-1: one word of a name, tried in this order at each place. */
const WORD_BRANCHES = [
  // A listed mixed-case name, as a whole word, maybe plural: IoT, OAuth2, IoTs.
  `(?:${[...TERMS].sort((a, b) => b.length - a.length).join('|')})s?(?![a-z])${DIGITS}`,
  // An initialism with a version: IPv4, IPv6s.
  `[A-Z]{2,}v[0-9]+(?![0-9])[a-z]*${DIGITS}`,
  // A plural initialism: IDs, SKUs, SMSes (a lower-case s cannot begin the next word).
  `[A-Z]{2,}(?:s|(?<=[SXZ]|CH|SH)es)(?![a-z])${DIGITS}`,
  // A word (User, user) or an initialism (HTTP in HTTPServer: the last capital begins the next word).
  `(?:[A-Z]?[a-z]+|[A-Z]+(?![a-z]))${DIGITS}`,
  // A number, with the initialism or the lower-case letters after it: 4K, 2FA, 3D, 1080p, 2.
  `[0-9]+(?:[A-Z]+(?![a-z])|[a-z]*)${DIGITS}`,
];
const WORD = new RegExp(WORD_BRANCHES.join('|'), 'g');
/**
 * WORD without its first branch, for a name that holds none of the TERMS (most names): that branch cannot match
 * there, so the words are the same, and V8 does not compile the long list of terms (about 0.2 ms) to split them.
 */
const WORD_WITHOUT_TERMS = new RegExp(WORD_BRANCHES.slice(1).join('|'), 'g');

/** Accented letters keep their base letter (`Café` -> `Cafe`), not a word break. */
const fold = (name: string): string => (/[^\x00-\x7f]/.test(name) ? name.normalize('NFD').replace(/\p{M}+/gu, '') : name);

/** The expression that splits `folded` into words: WORD, or WORD_WITHOUT_TERMS when it holds none of the TERMS. */
const wordsOf = (folded: string): RegExp => (TERMS.some((t) => folded.includes(t)) ? WORD : WORD_WITHOUT_TERMS);

/** The words of a name as written (case kept); anything but ASCII letters and digits separates them. */
function pieces(name: string): string[] {
  const folded = fold(name);
  return folded.match(wordsOf(folded)) ?? [];
}

/**
 * Splits `UserRole`, `user_role`, `user-role`, `HTTPServer` into lower-case words (NAMES-1): `IoTDevice` ->
 * iot, device; `UserIDs` -> user, ids; `ICD10Code` -> icd10, code; `SensorReading4K` -> sensor, reading, 4k.
 */
export function words(name: string): string[] {
  return pieces(name).map((w) => w.toLowerCase());
}

/**
 * A name function that remembers its answers: the engine and the templates ask for the same few hundred names
 * in one case or another hundreds of thousands of times on a large model. Bounded, so a long-lived process (the
 * tests) cannot grow it without end.
 */
export function remembered(fn: (name: string) => string): (name: string) => string {
  const known = new Map<string, string>();
  return (name) => {
    let found = known.get(name);
    if (found === undefined) {
      found = fn(name);
      if (known.size >= 100_000) known.clear();
      known.set(name, found);
    }
    return found;
  };
}

/** A listed mixed-case name in its spelling, with the plural s or digits written after it: `oauth2` -> `OAuth2`. */
function termSpelling(word: string): string | undefined {
  const m = /^([a-z]+)([0-9][0-9a-z]*)?$/.exec(word);
  if (!m) return undefined;
  const letters = m[1]!;
  const term = TERM_BY_LOWER.get(letters) ?? (letters.endsWith('s') ? TERM_BY_LOWER.get(letters.slice(0, -1)) : undefined);
  if (term === undefined) return undefined;
  return `${term}${letters.length > term.length ? 's' : ''}${m[2] ?? ''}`;
}

/** NAMES-3: an initialism kept in capitals in prose: two or more capitals or digits (ICD10, S3, 4K), a plural (IDs), a version (IPv4). */
const isInitialism = (w: string): boolean =>
  (/^[A-Z0-9]{2,}$/.test(w) && /[A-Z]/.test(w)) || /^[A-Z]{2,}e?s[0-9]*$/.test(w) || /^[A-Z]{2,}v[0-9]+[a-z]*$/.test(w);

/**
 * The name as words for prose: lower case, except an initialism, which keeps its capitals, and a listed
 * mixed-case name, which keeps its spelling: `HTTPAuditLog` -> `HTTP audit log`, `ICD10Code` -> `ICD10 code`,
 * `UserIDs` -> `user IDs`, `IoTDevice` -> `IoT device`, `UserRole` -> `user role`.
 */
export const proseWords = remembered((name) =>
  pieces(name)
    .map((w) => termSpelling(w.toLowerCase()) ?? (isInitialism(w) ? w : w.toLowerCase()))
    .join(' '),
);

/** One word in PascalCase: a listed name in its spelling (`IoT`), the letters after a leading number in capitals (`4K`, `2FA`), else capitalised (`Http`). */
function pascalWord(w: string): string {
  const term = termSpelling(w);
  if (term !== undefined) return term;
  return /^[0-9]/.test(w) ? w.replace(/^([0-9]+)([a-z]+)/, (_, d: string, l: string) => `${d}${l.toUpperCase()}`) : w.charAt(0).toUpperCase() + w.slice(1);
}

/** `user_role` -> `UserRole`; `HTTPRequestLog` -> `HttpRequestLog`; `IoTDevice` -> `IoTDevice`; `UserID` -> `UserId`. */
export const toPascal = remembered((name) => words(name).map(pascalWord).join(''));

/** `UserRole` -> `userRole`; `IoTDevice` -> `iotDevice`; `UserID` -> `userId`. */
export const toCamel = remembered((name) => words(name).map((w, i) => (i === 0 ? w : pascalWord(w))).join(''));

/** `UserRole` -> `user_role`; `IoTDevice` -> `iot_device`. */
export const toSnake = remembered((name) => words(name).join('_'));

/** `UserRole` -> `user-role`. */
export const toKebab = remembered((name) => words(name).join('-'));

/** `UserRole` -> `USER_ROLE`: a constant, or a Neo4j relationship type. */
export const toConstant = remembered((name) => toSnake(name).toUpperCase());

/** NAMES-5: words the English plural does not end in -s (matched whole, any case; the first letter's case kept). */
const IRREGULAR: ReadonlyMap<string, string> = new Map([
  ['person', 'people'], ['child', 'children'], ['man', 'men'], ['woman', 'women'], ['mouse', 'mice'],
  ['goose', 'geese'], ['foot', 'feet'], ['tooth', 'teeth'], ['ox', 'oxen'],
  ['datum', 'data'], ['criterion', 'criteria'], ['phenomenon', 'phenomena'], ['axis', 'axes'],
  ['matrix', 'matrices'], ['vertex', 'vertices'], ['appendix', 'appendices'], ['quiz', 'quizzes'],
  ['leaf', 'leaves'], ['half', 'halves'], ['shelf', 'shelves'], ['knife', 'knives'], ['life', 'lives'],
  ['wife', 'wives'], ['wolf', 'wolves'], ['thief', 'thieves'], ['calf', 'calves'], ['loaf', 'loaves'],
  ['hero', 'heroes'], ['potato', 'potatoes'], ['tomato', 'tomatoes'], ['echo', 'echoes'], ['veto', 'vetoes'],
  ['lens', 'lenses'],
]);

/** An irregular plural is a plural already: People stays People (and so collides with Person, as it should). */
const IRREGULAR_PLURAL: ReadonlySet<string> = new Set(IRREGULAR.values());

/** NAMES-5: words that are their own plural. */
const UNCOUNTABLE: ReadonlySet<string> = new Set([
  'data', 'metadata', 'media', 'information', 'info', 'equipment', 'feedback', 'software', 'hardware', 'firmware',
  'middleware', 'staff', 'personnel', 'traffic', 'evidence', 'research', 'knowledge', 'advice', 'music',
  'furniture', 'luggage', 'baggage', 'sheep', 'fish', 'deer', 'aircraft', 'news', 'series', 'species',
]);

/**
 * NAMES-5: the few singular nouns ending in -as. Any other -as is a plural already (ideas, areas, schemas, quotas),
 * as an entity named in the plural is written.
 */
const SINGULAR_AS: ReadonlySet<string> = new Set(['alias', 'atlas', 'bias', 'canvas', 'gas', 'pancreas']);

/** NAMES-5: plurals ending in -us (of words ending in -u), where -us is otherwise a singular ending (status, bus). */
const PLURAL_US: ReadonlySet<string> = new Set(['menus', 'gurus', 'emus', 'tofus', 'haikus', 'tutus', 'gnus']);

/** NAMES-4: the plural of one word as written; the ending added in lower case. */
function pluralWord(word: string): string {
  if (/[0-9]$/.test(word)) return `${word}s`;
  if (/^[A-Z]{2,}$/.test(word)) return `${word}${/(S|X|Z|CH|SH)$/.test(word) ? 'es' : 's'}`;
  if (/^[A-Z]{2,}e?s$/.test(word)) return word;
  // A listed name adds s (IoTs, WebSockets); one ending in s stays (SaaS, QoS, DevOps).
  if (termSpelling(word.toLowerCase()) !== undefined) return /s$/i.test(word) ? word : `${word}s`;
  const lower = word.toLowerCase();
  const irregular = IRREGULAR.get(lower);
  if (irregular !== undefined) return /^[A-Z]/.test(word) ? irregular.charAt(0).toUpperCase() + irregular.slice(1) : irregular;
  if (UNCOUNTABLE.has(lower) || IRREGULAR_PLURAL.has(lower)) return word;
  if (lower.endsWith('sis')) return `${word.slice(0, -2)}es`;
  if ((lower.endsWith('as') && !SINGULAR_AS.has(lower)) || PLURAL_US.has(lower)) return word;
  if (/(ss|us|as|is|x|z|ch|sh)$/.test(lower)) return `${word}es`;
  // Any other -s is a plural already, or a word like news: Settings, Details, Credentials stay.
  if (lower.endsWith('s')) return word;
  if (/[^aeiou]y$/.test(lower)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

/** The singular of an irregular plural: people -> person. */
const IRREGULAR_SINGULAR: ReadonlyMap<string, string> = new Map([...IRREGULAR].map(([one, many]) => [many, one]));

/**
 * NAMES-6: the singular of one plural word, lower case (a path word): the inverse of pluralWord for the forms it
 * makes (categories -> category, boxes -> box, addresses -> address, statuses -> status, analyses -> analysis,
 * people -> person, data -> data, settings -> setting), and responses -> response, cases -> case, not respons, cas.
 */
export function singularize(word: string): string {
  const lower = word.toLowerCase();
  // data stays data: the uncountable reading is the one a path means (DataService, not DatumService).
  if (UNCOUNTABLE.has(lower) || IRREGULAR.has(lower)) return word;
  const irregular = IRREGULAR_SINGULAR.get(lower);
  if (irregular !== undefined) return irregular;
  if (SINGULAR_AS.has(lower)) return word;
  if (lower.endsWith('ases') && SINGULAR_AS.has(lower.slice(0, -2))) return word.slice(0, -2);
  if (PLURAL_US.has(lower)) return word.slice(0, -1);
  if (/[^aeiou]ies$/.test(lower)) return `${word.slice(0, -3)}${word.endsWith('IES') ? 'Y' : 'y'}`;
  if (/(analy|diagno|progno|synthe|hypothe|parenthe|the|cri|synop)ses$/.test(lower)) return `${word.slice(0, -2)}is`;
  if (/(ss|us|x|z|ch|sh)es$/.test(lower)) return word.slice(0, -2);
  if (/(ss|us|is)$/.test(lower) || !lower.endsWith('s')) return word;
  return word.slice(0, -1);
}

/** NAMES-4: a word that qualifies the one before it and takes no plural: a number (`4K`, `2FA`) or a version (`V2`). */
const isQualifier = (w: string): boolean => /^[0-9]/.test(w) || /^[vV][0-9]+$/.test(w);

/**
 * NAMES-4: the English plural of the last word, the rest kept as written: Category -> Categories, Box -> Boxes,
 * UserRole -> UserRoles, Person -> People, Diagnosis -> Diagnoses, UserID -> UserIDs, SKU -> SKUs,
 * SensorData -> SensorData. A number or version at the end qualifies the word before it, which takes the plural:
 * SensorReading4K -> SensorReadings4K, OrderV2 -> OrdersV2.
 */
export const pluralize = remembered((name) => {
  const folded = fold(name);
  const found = [...folded.matchAll(wordsOf(folded))];
  let i = found.length - 1;
  while (i > 0 && isQualifier(found[i]![0])) i--;
  const last = found[i];
  if (last === undefined) return folded;
  const at = last.index;
  return `${folded.slice(0, at)}${pluralWord(last[0])}${folded.slice(at + last[0].length)}`;
});

/** An entity's table (and, in kebab case, collection) name: the snake_case plural (UserRole -> user_roles, Person -> people). */
export const tableName = (entityName: string): string => toSnake(pluralize(entityName));

/** The collection path of a resource: `base_path` when given, else `/` + kebab-case plural (UserRole -> /user-roles). */
export function resourcePath(entityName: string, basePath?: string): string {
  if (basePath !== undefined && basePath !== '') return basePath;
  return `/${toKebab(pluralize(entityName))}`;
}

/** The item path of a resource: the collection path and the primary field as its parameter. */
export function resourceItemPath(collectionPath: string, primaryKey: string): string {
  return `${collectionPath.replace(/\/+$/, '')}/{${primaryKey}}`;
}
