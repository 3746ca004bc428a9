import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FRAMEWORKS, LANGUAGES } from '../../src/answers/answers.js';
import { askedAbout, interview, problemsOf } from './fixtures/harness.js';
import { CTRL_C, DEFAULT, acceptDefaults, type Step } from './fixtures/scripted-prompter.js';

/** A small shop typed from scratch: every kind of question, a few wrong answers on the way. */
const SHOP: Step[] = [
  ['Project name', 'Shop'],
  ['Slug', DEFAULT],
  ['one or two sentences', 'Sell books online.'],
  ['Existing platform', DEFAULT],
  ['Engineers on the team', DEFAULT],
  ['Start date', '2026-02-30'],
  ['Start date', '2026-03-02'],
  ['Goals: none yet', 'add'],
  ['Goal (what success', 'Customers can buy a book'],
  ['Goals: Customers can buy a book', 'done'],
  ['Functional requirements: none yet', 'done'],
  ['p95 latency', DEFAULT],
  ['throughput', DEFAULT],
  ['Availability', '99.95'],
  ['How long data is kept', DEFAULT],
  ['Compliance', DEFAULT],
  ['Language', 'python'],
  ['Framework', DEFAULT],
  ['Architecture', DEFAULT],
  ['Database', 'postgresql'],
  ['Cache', DEFAULT],
  ['Queue', DEFAULT],
  ['Cloud', 'gcp'],
  ['Compute', DEFAULT],
  ['Infrastructure as code', DEFAULT],
  ['authenticate', DEFAULT],
  ['Observability', DEFAULT],
  // Entities: at least one, so the first is added without a menu.
  ['Entity name', 'book'],
  ['Entity name', 'Book'],
  ['What is one Book?', 'A title for sale'],
  ['created_at and updated_at', DEFAULT],
  ['Soft delete', DEFAULT],
  ['Field name', 'id'],
  ['Type of id', DEFAULT],
  ['Is id the primary key?', DEFAULT],
  ['Fields of Book: id', 'add'],
  ['Field name', 'title'],
  ['Type of title', DEFAULT],
  ['Is title required?', true],
  ['Is title unique?', false],
  ['Does title reference', DEFAULT],
  ['Fields of Book: id, title', 'add'],
  ['Field name', 'title'],
  ['Field name', 'format'],
  ['Type of format', 'enum'],
  ['Values of format', 'paper, ebook, paper'],
  ['Values of format', 'paper, ebook'],
  ['Is format required?', DEFAULT],
  ['Is format unique?', DEFAULT],
  ['Fields of Book: id, title, format', 'done'],
  ['Indexes of Book: none yet', 'add'],
  ['Columns of the index', []],
  ['Columns of the index', ['title', 'created_at']],
  ['Unique index?', DEFAULT],
  ['Indexes of Book', 'done'],
  ['Entities: Book', 'add'],
  ['Entity name', 'BOOK'],
  ['Entity name', 'Order'],
  ['What is one Order?', DEFAULT],
  ['created_at and updated_at', DEFAULT],
  ['Soft delete', true],
  ['Field name', 'id'],
  ['Type of id', DEFAULT],
  ['Is id the primary key?', DEFAULT],
  ['Fields of Order: id', 'add'],
  ['Field name', 'book_id'],
  ['Type of book_id', 'uuid'],
  ['Is book_id required?', true],
  ['Is book_id unique?', DEFAULT],
  ['Does book_id reference', 'Book'],
  ['When the referenced row is deleted', 'cascade'],
  ['Fields of Order: id, book_id', 'done'],
  ['Indexes of Order: none yet', 'done'],
  ['Entities: Book, Order', 'done'],
  ['Modules: none yet', 'done'],
  ['CRUD endpoints for Book', ['get', 'list']],
  ['Who may call them?', DEFAULT],
  ['Base path', DEFAULT],
  ['CRUD endpoints for Order', []],
  ['Errors: none yet', 'add'],
  ['Error name', 'OutOfStock'],
  ['HTTP status of OutOfStock', 200],
  ['HTTP status of OutOfStock', 409],
  ['Message for the client', 'The book is out of stock'],
  ['When does it happen?', DEFAULT],
  ['Errors: OutOfStock', 'done'],
  ['Integrations: none yet', 'done'],
  ['Endpoints: none yet', 'add'],
  ['Method', 'GET'],
  ['Path', '/books'],
  ['Path', '/books/search'],
  ['What does GET /books/search do?', 'Search books by title'],
  ['Who may call it?', DEFAULT],
  ['The entity it works on', 'Book'],
  ['page of Book', true],
  ['Success status', DEFAULT],
  ['Errors it can return', []],
  ['Endpoints: /books/search', 'add'],
  ['Method', 'POST'],
  ['Path', '/orders'],
  ['What does POST /orders do?', 'Order a book'],
  ['Who may call it?', DEFAULT],
  ['The entity it works on', 'Order'],
  ['Request body', 'fields'],
  ['Fields of Order in the request', ['book_id']],
  ['Success status', DEFAULT],
  ['Errors it can return', ['OutOfStock']],
  ['Endpoints: /books/search, /orders', 'done'],
  ['What next?', 'save'],
];

describe('a new answers file, typed from scratch', () => {
  it('asks every section in order and saves a file that validates with zero problems', async () => {
    const { result, prompter } = await interview(SHOP);
    expect(prompter.remaining).toBe(0);
    expect(result.action).toBe('save');
    if (result.action !== 'save') return;
    expect(problemsOf(result.text)).toEqual([]);
    const written = parse(result.text) as Record<string, unknown>;
    expect(written).toEqual({
      version: 1,
      project: { name: 'Shop', slug: 'shop', summary: 'Sell books online.', team_size: 3, start: '2026-03-02', goals: ['Customers can buy a book'] },
      requirements: { non_functional: { availability: '99.95' } },
      stack: {
        language: 'python',
        framework: 'fastapi',
        architecture: 'modular-monolith',
        database: 'postgresql',
        cache: 'none',
        queue: 'none',
        cloud: 'gcp',
        compute: 'cloud-run',
        iac: 'terraform',
        auth: 'jwt',
        observability: ['opentelemetry'],
      },
      entities: [
        {
          name: 'Book',
          description: 'A title for sale',
          timestamps: true,
          fields: [
            { name: 'id', type: 'uuid', primary: true },
            { name: 'title', type: 'string', required: true },
            { name: 'format', type: 'enum', values: ['paper', 'ebook'] },
          ],
          indexes: [{ fields: ['title', 'created_at'] }],
        },
        {
          name: 'Order',
          timestamps: true,
          soft_delete: true,
          fields: [
            { name: 'id', type: 'uuid', primary: true },
            { name: 'book_id', type: 'uuid', required: true, references: 'Book', on_delete: 'cascade' },
          ],
        },
      ],
      resources: [{ entity: 'Book', operations: ['list', 'get'], auth: 'user' }],
      endpoints: [
        { method: 'GET', path: '/books/search', summary: 'Search books by title', auth: 'user', entity: 'Book', paginated: true },
        { method: 'POST', path: '/orders', summary: 'Order a book', auth: 'user', entity: 'Order', request: ['book_id'], errors: ['OutOfStock'] },
      ],
      errors: [{ name: 'OutOfStock', status: 409, message: 'The book is out of stock' }],
    });
  });

  it('asks a wrong answer again with the reason', async () => {
    const { prompter } = await interview(SHOP);
    expect(prompter.rejected.map((r) => [r.message, r.reason])).toEqual([
      ['Start date, YYYY-MM-DD (optional; the timeline counts weeks from it)', 'must be a date like "2026-01-05", a real day'],
      ['Entity name (PascalCase, singular)', 'must be PascalCase, like "PaymentMethod"'],
      ['Field name (snake_case)', '"title" is already taken'],
      ['Values of format, comma-separated', '"paper" is listed twice'],
      ['Columns of the index, in order', 'choose at least 1 (space ticks, enter confirms)'],
      ['Entity name (PascalCase, singular)', '"BOOK" is already taken (as "Book"; names differing only in case clash)'],
      ['HTTP status of OutOfStock (400-599)', 'Value must be between 400 and 599'],
      ['Path, with parameters as {name}', 'GET /books is already an endpoint (check the resources too)'],
    ]);
  });

  it('computes defaults from earlier answers: slug from the name, framework from the language, compute from the cloud', async () => {
    const { prompter } = await interview(SHOP);
    expect(askedAbout(prompter, 'Slug')[0]?.default).toBe('shop');
    const framework = askedAbout(prompter, 'Framework')[0];
    expect(framework?.default).toBe('fastapi');
    expect(framework?.choices?.map((c) => c.value)).toEqual(['fastapi', 'django', 'flask']);
    const compute = askedAbout(prompter, 'Compute')[0];
    expect(compute?.default).toBe('cloud-run');
    expect(compute?.choices?.map((c) => c.value)).toEqual(['cloud-run', 'kubernetes', 'vm']);
    expect(askedAbout(prompter, 'Type of id').map((a) => a.default)).toEqual(['uuid', 'uuid']);
    expect(askedAbout(prompter, 'Type of title')[0]?.default).toBe('string');
    expect(askedAbout(prompter, 'Success status').map((a) => a.default)).toEqual([200, 201]);
  });

  it('asks a question only when its condition holds', async () => {
    const { prompter } = await interview(SHOP);
    // `values` only for the enum; the primary-key question only while no other field is primary;
    // on_delete only with a reference; the request body only for POST; pages only for GET.
    expect(askedAbout(prompter, 'Values of').map((a) => a.message)).toEqual(['Values of format, comma-separated']);
    expect(askedAbout(prompter, 'primary key').map((a) => a.message)).toEqual(['Is id the primary key?', 'Is id the primary key?']);
    expect(askedAbout(prompter, 'Is id required?')).toEqual([]);
    expect(askedAbout(prompter, 'When the referenced row is deleted')).toHaveLength(1);
    expect(askedAbout(prompter, 'Request body')).toHaveLength(1);
    expect(askedAbout(prompter, 'page of')).toHaveLength(1);
    expect(askedAbout(prompter, 'Integrations it calls')).toEqual([]);
    // References are chosen from the entities defined so far (and the entity itself).
    expect(askedAbout(prompter, 'Does title reference')[0]?.choices?.map((c) => c.value)).toEqual([null, 'Book']);
    expect(askedAbout(prompter, 'Does book_id reference')[0]?.choices?.map((c) => c.value)).toEqual([null, 'Book', 'Order']);
    // Index columns include the generated timestamps.
    expect(askedAbout(prompter, 'Columns of the index')[0]?.choices?.map((c) => c.value)).toEqual(['id', 'title', 'format', 'created_at', 'updated_at']);
  });
});

describe('lists', () => {
  it('edits and removes items through the menu', async () => {
    const initial = {
      project: { name: 'Notes', summary: 'Keep notes.', goals: ['One', 'Two', 'Three'] },
      stack: { language: 'go', database: 'sqlite' },
      entities: [{ name: 'Note', fields: [{ name: 'body', type: 'text' }] }],
    };
    const { result } = await interview(
      [
        ['Goals: One, Two, Three', 'remove:1'],
        ['Goals: One, Three', 'edit:1'],
        ['Goal (what success', '3'],
        ['Goals: One, 3', 'add'],
        ['Goal (what success', 'Four'],
        ['Goals: One, 3, Four', 'done'],
      ],
      { initial, auto: acceptDefaults },
    );
    expect(result.action).toBe('save');
    if (result.action === 'save') expect((parse(result.text) as { project: { goals: string[] } }).project.goals).toEqual(['One', '3', 'Four']);
  });

  it('cannot remove the last entity: at least one is required', async () => {
    const initial = {
      project: { name: 'Notes', summary: 'Keep notes.' },
      stack: { language: 'go', database: 'sqlite' },
      entities: [{ name: 'Note', fields: [{ name: 'body', type: 'text' }] }],
    };
    const { prompter } = await interview([], { initial, auto: acceptDefaults });
    const menu = askedAbout(prompter, 'Entities: Note')[0];
    expect(menu?.choices?.map((c) => c.value)).toEqual(['add', 'done', 'edit:0']);
  });
});

describe('the summary', () => {
  it('shows what was collected and offers save, an edit of each section, or quit', async () => {
    const { prompter } = await interview(SHOP);
    const summary = prompter.said.find((s) => s.includes('Summary of archplan.yaml'));
    expect(summary).toContain('  Project      Shop (shop): Sell books online.');
    expect(summary).toContain('  Entity       Order (timestamps, soft delete)');
    expect(summary).toContain('                 book_id uuid required -> Book');
    expect(summary).toContain('  Endpoint     POST /orders: Order a book');
    const next = askedAbout(prompter, 'What next?')[0];
    expect(next?.choices?.map((c) => c.value)).toEqual([
      'save',
      'edit:project',
      'edit:requirements',
      'edit:stack',
      'edit:entities',
      'edit:modules',
      'edit:resources',
      'edit:errors',
      'edit:integrations',
      'edit:endpoints',
      'quit',
    ]);
  });

  it('edits a section, then saves', async () => {
    const steps = SHOP.slice(0, -1);
    const { result } = await interview([
      ...steps,
      ['What next?', 'edit:errors'],
      ['Errors: OutOfStock', 'edit:0'],
      ['Error name', DEFAULT],
      ['HTTP status of OutOfStock', 410],
      ['Message for the client', DEFAULT],
      ['When does it happen?', 'When the last copy is sold'],
      ['Errors: OutOfStock', 'done'],
      ['What next?', 'save'],
    ]);
    expect(result.action).toBe('save');
    if (result.action === 'save') {
      expect((parse(result.text) as { errors: unknown }).errors).toEqual([
        { name: 'OutOfStock', status: 410, message: 'The book is out of stock', when: 'When the last copy is sold' },
      ]);
    }
  });

  it('will not save while the answers have problems, and names them', async () => {
    // Removing the referenced entity leaves a dangling reference: the summary reports it and save is disabled.
    const steps = SHOP.slice(0, -1);
    const { result, prompter } = await interview([
      ...steps,
      ['What next?', 'edit:entities'],
      ['Entities: Book, Order', 'remove:0'],
      ['Entities: Order', 'done'],
      ['What next?', 'quit'],
      ['Quit without saving?', true],
    ]);
    expect(result.action).toBe('quit');
    const last = prompter.asked.filter((a) => a.message.includes('What next?')).at(-1);
    expect(last?.message).toMatch(/to fix before saving\. What next\?$/);
    expect(last?.choices?.find((c) => c.value === 'save')?.disabled).toBe('fix the problems first');
    expect(prompter.said.join('\n')).toMatch(/error: entities\[0\]\.fields\[1\]\.references: .*Book/);
  });

  it('quit asks first; no keeps the wizard open', async () => {
    const steps = SHOP.slice(0, -1);
    const { result } = await interview([...steps, ['What next?', 'quit'], ['Quit without saving?', false], ['What next?', 'save']]);
    expect(result.action).toBe('save');
  });
});

describe('Ctrl-C', () => {
  it('rejects with ExitPromptError at any prompt', async () => {
    const at = SHOP.findIndex(([m]) => m === 'Type of format');
    await expect(interview([...SHOP.slice(0, at), ['Type of format', CTRL_C]])).rejects.toMatchObject({ name: 'ExitPromptError' });
  });
});

describe('the frameworks of the questionnaire', () => {
  it('are FRAMEWORKS of src/answers, in the same order', async () => {
    const { sections } = await import('./fixtures/harness.js');
    const stack = sections.find((s) => s.section === 'stack');
    const framework = stack?.questions.find((q) => q.key === 'stack.framework');
    const map = (framework?.choices as { map: Record<string, (string | { value: string })[]> }).map;
    const asValues = Object.fromEntries(Object.entries(map).map(([k, v]) => [k, v.map((c) => (typeof c === 'string' ? c : c.value))]));
    expect(asValues).toEqual(FRAMEWORKS);
    expect((framework?.default as { map: Record<string, string> }).map).toEqual(Object.fromEntries(LANGUAGES.map((l) => [l, FRAMEWORKS[l][0]])));
  });
});
