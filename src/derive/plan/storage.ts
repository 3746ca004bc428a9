// Database-aware words: what a plan calls the store's containers, records, properties, references, indexes
// and transactions, so a graph, document or key-value store is never described as tables and joins. Pure.
// Rules (docs/rules.md, "Data model"):
// - STORE-1 the vocabulary per database: relational stores have tables, rows, columns, foreign keys and
//   indexes; MongoDB collections, documents, fields, references and indexes; DynamoDB one table with item
//   types, attributes, key design (partition and sort key) and global secondary indexes; Neo4j node labels,
//   nodes, properties, relationships and uniqueness constraints and indexes; what a page is cut from (the table,
//   the collection, DynamoDB's one table, the graph), what an added index serves (a foreign key, else a reference)
//   and an entity without declared indexes (the primary key only; DynamoDB none beyond the key).
// - STORE-2 a reference is phrased in that vocabulary: Neo4j `(:Device)-[:ACCOUNT]->(:Account)`, the
//   relationship type being the field name without `_id` in upper snake case; on Neo4j alone a reference has a
//   type of its own, so the plans show the phrase beside the field (`typedReferences`).
// - STORE-3 each entity's container by name: a table or collection by its table name (`payments`), a Neo4j node
//   label as `:Account`, a DynamoDB item type by the entity's name; its heading names the table first
//   (`payments (Payment)`), or the entity first where the container has no name of its own (`Account (node label)`).

import type { Database } from '../../answers/answers.js';
import { toConstant } from '../../answers/names.js';
import type { ContainerName, Entity } from '../model.js';

export interface StorageTerms {
  /** `relational`, `document`, `key-value` or `graph`. */
  kind: 'relational' | 'document' | 'key-value' | 'graph';
  /** What holds one entity's records: `table`, `collection`, `item type`, `node label`. */
  container: string;
  containers: string;
  /** One record: `row`, `document`, `item`, `node`. */
  record: string;
  records: string;
  /** One attribute: `column`, `field`, `attribute`, `property`. */
  property: string;
  properties: string;
  /** A reference between records: `foreign key`, `reference`, `key attribute`, `relationship`. */
  reference: string;
  /** A secondary access path: `index`, `global secondary index`, `index`. */
  index: string;
  /** How a write is made atomic, in words. */
  transaction: string;
  /** How an event leaves after the commit. */
  outbox: string;
  /** What the schema/definitions are, for folder and phase texts. */
  schema: string;
  /** The data model phase's line: how the store is laid out. */
  layout: string;
  /** What a page of records is cut from, in `never grows with the table`: `table`, `collection`, `table` (DynamoDB's one), `graph`. */
  whole: string;
  /** What an index the engine adds serves (IDX-1), in `added for a foreign key`: `foreign key`, else `reference`. */
  indexedReference: string;
  /** An entity's indexes when it declares none: `the primary key only`; DynamoDB `none beyond the key`. */
  noIndexes: string;
  /** STORE-2: a reference has a type of its own (Neo4j): the plans show its phrase beside the field. */
  typedReferences: boolean;
}

const TERMS: Record<'relational' | 'document' | 'key-value' | 'graph', Omit<StorageTerms, 'kind'>> = {
  relational: {
    container: 'table', containers: 'tables', record: 'row', records: 'rows', property: 'column', properties: 'columns',
    reference: 'foreign key', index: 'index', transaction: 'in a transaction', outbox: 'transactional outbox',
    schema: 'tables, constraints and indexes (migrations)', layout: 'tables in dependency order, foreign keys and indexes',
    whole: 'table', indexedReference: 'foreign key', noIndexes: 'the primary key only', typedReferences: false,
  },
  document: {
    container: 'collection', containers: 'collections', record: 'document', records: 'documents', property: 'field', properties: 'fields',
    reference: 'reference', index: 'index', transaction: 'in a multi-document transaction', outbox: 'transactional outbox (or change streams)',
    schema: 'collections, JSON Schema validators and indexes', layout: 'collections with validators, references as ids, indexes per query',
    whole: 'collection', indexedReference: 'reference', noIndexes: 'the primary key only', typedReferences: false,
  },
  'key-value': {
    container: 'item type', containers: 'item types', record: 'item', records: 'items', property: 'attribute', properties: 'attributes',
    reference: 'key attribute', index: 'global secondary index', transaction: 'with TransactWriteItems (condition expressions)', outbox: 'DynamoDB Streams',
    schema: 'the table, its key design (partition and sort key) and global secondary indexes', layout: 'one table; access patterns first, then partition and sort key per item type and a global secondary index per extra access pattern',
    whole: 'table', indexedReference: 'reference', noIndexes: 'none beyond the key', typedReferences: false,
  },
  graph: {
    container: 'node label', containers: 'node labels', record: 'node', records: 'nodes', property: 'property', properties: 'properties',
    reference: 'relationship', index: 'index', transaction: 'in a transaction', outbox: 'transactional outbox',
    schema: 'node labels, relationship types, uniqueness constraints and indexes (Cypher)', layout: 'node labels, relationship types, uniqueness constraints and property indexes',
    whole: 'graph', indexedReference: 'reference', noIndexes: 'the primary key only', typedReferences: true,
  },
};

export function storageKind(db: Database): StorageTerms['kind'] {
  return db === 'mongodb' ? 'document' : db === 'dynamodb' ? 'key-value' : db === 'neo4j' ? 'graph' : 'relational';
}

/** The terms of each kind of store, made once and frozen: rules ask for them per endpoint and per step. */
const TERMS_OF = new Map<StorageTerms['kind'], StorageTerms>();

/** STORE-1. */
export function storageTerms(db: Database): StorageTerms {
  const kind = storageKind(db);
  let terms = TERMS_OF.get(kind);
  if (!terms) {
    terms = Object.freeze({ kind, ...TERMS[kind] });
    TERMS_OF.set(kind, terms);
  }
  return terms;
}

/** STORE-2: `ACCOUNT` for `account_id`, `PARENT_NODE` for `parentNodeId`. */
export function relationshipType(field: string): string {
  const base = field.replace(/(_id|Id|_ID)$/, '') || field;
  return toConstant(base);
}

/** STORE-2: one reference field of `from` to `to`, in the database's words. */
export function referencePhrase(db: Database, from: Entity, field: string, to: Entity | undefined, toName: string): string {
  const target = to?.table ?? toName;
  switch (storageKind(db)) {
    case 'graph':
      return `(:${from.names.pascal})-[:${relationshipType(field)}]->(:${to?.names.pascal ?? toName})`;
    case 'document':
      return `${from.table} documents hold ${field}, the _id of the referenced ${target} document`;
    case 'key-value':
      return `${from.names.pascal} items hold ${field}, the key of the referenced ${to?.names.pascal ?? toName} item`;
    case 'relational':
      return `${from.table}.${field} references ${target}.${to?.primaryKey ?? 'id'}`;
  }
}

/** STORE-3: each entity's container by name and as a heading, in entity (answer) order. */
export function containerNames(entities: readonly Entity[], db: Database): ContainerName[] {
  const kind = storageKind(db);
  const terms = storageTerms(db);
  return entities.map((e) => {
    const named = kind === 'relational' || kind === 'document';
    const name = named ? e.table : kind === 'graph' ? `:${e.names.pascal}` : e.names.pascal;
    return { entity: e.name, name, heading: named ? `${e.table} (${e.name})` : `${e.name} (${terms.container})` };
  });
}
