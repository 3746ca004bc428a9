// Name helpers shared by validation and the normaliser, so an expanded resource path is the same in both. Pure.

/** Splits `UserRole`, `user_role`, `user-role`, `HTTPServer` into lower-case words. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase());
}

/**
 * A name function that remembers its answers: the engine and the templates ask for the same few hundred names
 * in one case or another hundreds of thousands of times on a large model. Bounded, so a long-lived process (the
 * tests) cannot grow it without end.
 */
function remembered(fn: (name: string) => string): (name: string) => string {
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

/**
 * The name as words for prose: lower case, except an initialism, which keeps its capitals: `HTTPAuditLog` ->
 * `HTTP audit log`, `ICD10Code` -> `ICD10 code`, `UserRole` -> `user role`.
 */
export const proseWords = remembered((name) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => (/^[A-Z][A-Z0-9]+$/.test(w) && /[A-Z].*[A-Z0-9]/.test(w) ? w : w.toLowerCase()))
    .join(' '),
);

const capital = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

/** `user_role` -> `UserRole`. */
export const toPascal = remembered((name) => words(name).map(capital).join(''));

/** `UserRole` -> `userRole`. */
export function toCamel(name: string): string {
  const pascal = toPascal(name);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

/** `UserRole` -> `user_role`. */
export const toSnake = remembered((name) => words(name).join('_'));

/** `UserRole` -> `user-role`. */
export const toKebab = remembered((name) => words(name).join('-'));

/**
 * Simple English plural of the last word, casing kept: Category -> Categories, Box -> Boxes,
 * UserRole -> UserRoles, Person -> Persons, Diagnosis -> Diagnoses (the Greek -sis plural: analysis, basis, crisis).
 * Deliberately no irregular forms: a rule a reader can predict.
 */
export function pluralize(word: string): string {
  if (word === '') return word;
  if (/sis$/i.test(word)) return `${word.slice(0, -2)}${word.endsWith('S') ? 'ES' : 'es'}`;
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}${word.endsWith('Y') ? 'IES' : 'ies'}`;
  if (/(s|x|z|ch|sh)$/i.test(word)) return `${word}${/[A-Z]$/.test(word) ? 'ES' : 'es'}`;
  return `${word}s`;
}

/** The collection path of a resource: `base_path` when given, else `/` + kebab-case plural (UserRole -> /user-roles). */
export function resourcePath(entityName: string, basePath?: string): string {
  if (basePath !== undefined && basePath !== '') return basePath;
  return `/${toKebab(pluralize(entityName))}`;
}

/** The item path of a resource: the collection path and the primary field as its parameter. */
export function resourceItemPath(collectionPath: string, primaryKey: string): string {
  return `${collectionPath.replace(/\/+$/, '')}/{${primaryKey}}`;
}
