// The questionnaire as data: questionnaires/*.yaml, one section per file, checked against a small JSON Schema
// when loaded so a typo in a question is a loud error, not a silently skipped prompt.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { parse } from 'yaml';

/** A scalar an answer can hold. */
export type Scalar = string | number | boolean;

/**
 * A key path read by conditions and computed defaults: `stack.cloud` is read from the answers file's top level,
 * `item.type` from the list item being asked, `parent.fields` from the item that holds that list. A segment
 * starting with `_` names a transient answer (asked, used by conditions, never written).
 */
export type KeyPath = string;

/** The whole condition language: no expressions, no eval. */
export type Condition =
  | { key: KeyPath; equals: Scalar | null }
  | { key: KeyPath; in: (Scalar | null)[] }
  | { key: KeyPath; present: boolean }
  | { key: KeyPath; nonempty: boolean }
  /** Some other item of the same list has `sibling` equal to `equals`. */
  | { sibling: string; equals: Scalar }
  | { not: Condition }
  | { all: Condition[] }
  | { any: Condition[] };

/** Text transforms a computed default may apply (a closed list, by name). */
export type Transform = 'kebab';

/** A computed default: the value at `from`, looked up in `map` (then `present`/`absent`), or transformed. */
export interface ComputedDefault {
  from: KeyPath;
  map?: Record<string, Scalar | Scalar[] | null>;
  /** When `from` holds a value that `map` does not name (or there is no map and no transform). */
  present?: Scalar | null;
  /** When `from` holds nothing. */
  absent?: Scalar | null;
  transform?: Transform;
}

export type DefaultSpec = Scalar | Scalar[] | ComputedDefault;

export interface ChoiceSpec {
  /** null: the choice that leaves the key out of the file. */
  value: Scalar | null;
  name?: string;
  description?: string;
  /** Offer the choice only when this holds. */
  when?: Condition;
}

/** Where computed choices come from (a closed list, by name). */
export type ChoiceSource =
  /** `field` (default `name`) of each item of the list at `of`. */
  | 'names'
  /** Column names of the entity at `of`: its fields, then created_at/updated_at/deleted_at when it has them. */
  | 'columns'
  /** Field names of the entity named by the value at `of`. */
  | 'entity-fields';

export type ChoicesSpec =
  | (string | ChoiceSpec)[]
  | { from: KeyPath; map: Record<string, (string | ChoiceSpec)[]> }
  | { source: ChoiceSource; of: KeyPath; field?: string; none?: string };

export type QuestionType = 'input' | 'select' | 'checkbox' | 'confirm' | 'number' | 'list';

export interface Question {
  /** The answers-file key it fills, relative to the list item (or the top level); `.` is the item itself. */
  key: string;
  type: QuestionType;
  /** The prompt; `{path}` is replaced by the value at that key path. */
  message: string;
  help?: string;
  default?: DefaultSpec;
  when?: Condition;
  /** An empty answer is refused (input, number). */
  required?: boolean;
  /**
   * An answer equal to the default is left out of the file when the key was absent: `always`, or only when
   * `editing` a file (a new file spells its choices out; an edited one keeps its shape).
   */
  omit_default?: 'always' | 'editing';
  /** input: the answer is a list written as one line, parts separated by this text. */
  split?: string;
  /** number: bounds; checkbox: fewest choices; list: fewest items. */
  min?: number;
  max?: number;
  /** Named checks from src/wizard/rules.ts. */
  validate?: string[];
  /** The answer differs (ignoring case) from the same key of every other item of the list. */
  unique?: boolean;
  choices?: ChoicesSpec;
  /**
   * When an answer renames something (an entity, an error), the references to it that follow it: key
   * patterns from the top level (`endpoints[].errors[]`) or from the item holding the list (`parent.indexes[].fields[]`).
   */
  renames?: string[];
  /** list: the questions asked for each item. */
  questions?: Question[];
  /** list: the item key shown in menus and the summary. */
  label?: string;
  /** list: menu texts. */
  add?: string;
  done?: string;
  /** list: the menu's default is "add another" rather than "done". */
  another?: boolean;
  /** list: one item per item of another list instead of an add/edit/remove menu. */
  for_each?: { of: KeyPath; field: string; key: string };
  /** list with for_each: items for which this fails are left out of the file. */
  keep_when?: Condition;
}

export interface Section {
  /** Id used in menus ("edit a section") and tests. */
  section: string;
  /** Sections are asked in ascending order. */
  order: number;
  title: string;
  /** The comment written above the section in the answers file. */
  comment: string;
  /** The top-level answers-file key the section fills (for its comment). */
  writes: string[];
  intro?: string;
  questions: Question[];
}

const CONDITION = {
  $id: 'condition',
  oneOf: [
    { type: 'object', additionalProperties: false, required: ['key', 'equals'], properties: { key: { type: 'string' }, equals: { type: ['string', 'number', 'boolean', 'null'] } } },
    { type: 'object', additionalProperties: false, required: ['key', 'in'], properties: { key: { type: 'string' }, in: { type: 'array', items: { type: ['string', 'number', 'boolean', 'null'] } } } },
    { type: 'object', additionalProperties: false, required: ['key', 'present'], properties: { key: { type: 'string' }, present: { type: 'boolean' } } },
    { type: 'object', additionalProperties: false, required: ['key', 'nonempty'], properties: { key: { type: 'string' }, nonempty: { type: 'boolean' } } },
    { type: 'object', additionalProperties: false, required: ['sibling', 'equals'], properties: { sibling: { type: 'string' }, equals: { type: ['string', 'number', 'boolean'] } } },
    { type: 'object', additionalProperties: false, required: ['not'], properties: { not: { $ref: 'condition' } } },
    { type: 'object', additionalProperties: false, required: ['all'], properties: { all: { type: 'array', items: { $ref: 'condition' } } } },
    { type: 'object', additionalProperties: false, required: ['any'], properties: { any: { type: 'array', items: { $ref: 'condition' } } } },
  ],
};

const SCALAR = { type: ['string', 'number', 'boolean'] };
const CHOICE = {
  oneOf: [
    { type: 'string' },
    {
      type: 'object',
      additionalProperties: false,
      required: ['value'],
      properties: { value: { type: ['string', 'number', 'boolean', 'null'] }, name: { type: 'string' }, description: { type: 'string' }, when: { $ref: 'condition' } },
    },
  ],
};

const QUESTION = {
  $id: 'question',
  type: 'object',
  additionalProperties: false,
  required: ['key', 'type', 'message'],
  properties: {
    key: { type: 'string', pattern: '^(\\.|_?[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*)$' },
    type: { enum: ['input', 'select', 'checkbox', 'confirm', 'number', 'list'] },
    message: { type: 'string', minLength: 1 },
    help: { type: 'string' },
    default: {
      oneOf: [
        SCALAR,
        { type: 'array', items: SCALAR },
        {
          type: 'object',
          additionalProperties: false,
          required: ['from'],
          properties: {
            from: { type: 'string' },
            map: { type: 'object', additionalProperties: { oneOf: [SCALAR, { type: 'null' }, { type: 'array', items: SCALAR }] } },
            present: { type: ['string', 'number', 'boolean', 'null'] },
            absent: { type: ['string', 'number', 'boolean', 'null'] },
            transform: { enum: ['kebab'] },
          },
        },
      ],
    },
    when: { $ref: 'condition' },
    required: { type: 'boolean' },
    split: { type: 'string', minLength: 1 },
    omit_default: { enum: ['always', 'editing'] },
    min: { type: 'number' },
    max: { type: 'number' },
    validate: { type: 'array', items: { type: 'string' } },
    unique: { type: 'boolean' },
    renames: { type: 'array', items: { type: 'string', pattern: '^(parent\\.)?[a-z_]+(\\[([a-z_]+=[a-z_.]+)?\\])?(\\.[a-z_]+(\\[([a-z_]+=[a-z_.]+)?\\])?)*$' } },
    choices: {
      oneOf: [
        { type: 'array', items: CHOICE },
        {
          type: 'object',
          additionalProperties: false,
          required: ['from', 'map'],
          properties: { from: { type: 'string' }, map: { type: 'object', additionalProperties: { type: 'array', items: CHOICE } } },
        },
        {
          type: 'object',
          additionalProperties: false,
          required: ['source', 'of'],
          properties: { source: { enum: ['names', 'columns', 'entity-fields'] }, of: { type: 'string' }, field: { type: 'string' }, none: { type: 'string' } },
        },
      ],
    },
    questions: { type: 'array', minItems: 1, items: { $ref: 'question' } },
    label: { type: 'string' },
    add: { type: 'string' },
    done: { type: 'string' },
    another: { type: 'boolean' },
    for_each: {
      type: 'object',
      additionalProperties: false,
      required: ['of', 'field', 'key'],
      properties: { of: { type: 'string' }, field: { type: 'string' }, key: { type: 'string' } },
    },
    keep_when: { $ref: 'condition' },
  },
  allOf: [
    { if: { properties: { type: { enum: ['select', 'checkbox'] } } }, then: { required: ['choices'] } },
    { if: { properties: { type: { const: 'list' } } }, then: { required: ['questions'] } },
  ],
};

const SECTION = {
  type: 'object',
  additionalProperties: false,
  required: ['section', 'order', 'title', 'comment', 'writes', 'questions'],
  properties: {
    section: { type: 'string', pattern: '^[a-z][a-z-]*$' },
    order: { type: 'number' },
    title: { type: 'string' },
    comment: { type: 'string' },
    writes: { type: 'array', items: { type: 'string' } },
    intro: { type: 'string' },
    questions: { type: 'array', minItems: 1, items: { $ref: 'question' } },
  },
};

let validateSection: ReturnType<Ajv['compile']> | undefined;

/** Checks one questionnaire file's parsed content; throws with every problem when it is not a section. */
export function parseSection(data: unknown, file: string): Section {
  if (!validateSection) {
    const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, schemas: [CONDITION, QUESTION] });
    validateSection = ajv.compile(SECTION);
  }
  if (!validateSection(data)) {
    const why = (validateSection.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ');
    throw new Error(`questionnaire ${file} is not valid: ${why}`);
  }
  return data as Section;
}

/** The questionnaires folder shipped with the package (the same relative place from src/ and dist/). */
export const BUILTIN_QUESTIONNAIRES_DIR = fileURLToPath(new URL('../../questionnaires/', import.meta.url));

/** Every section of the questionnaire in `dir`, in order. */
export function loadQuestionnaire(dir: string = BUILTIN_QUESTIONNAIRES_DIR): Section[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const sections = files.map((f) => {
    let data: unknown;
    try {
      data = parse(readFileSync(join(dir, f), 'utf8'));
    } catch (err) {
      throw new Error(`questionnaire ${f} is not valid YAML: ${(err as Error).message}`);
    }
    return parseSection(data, f);
  });
  const seen = new Set<string>();
  for (const s of sections) {
    if (seen.has(s.section)) throw new Error(`questionnaire: section "${s.section}" is defined twice`);
    seen.add(s.section);
  }
  return sections.sort((a, b) => a.order - b.order);
}
