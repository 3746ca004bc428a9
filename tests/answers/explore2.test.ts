import { it } from 'vitest';
import { formatProblem } from '../../src/errors.js';
import { readAnswers } from '../../src/answers/index.js';
it('big', () => {
  for (const row of ['  - {}\n', '  - x\n', '  - {name: A, fields: [{name: b, type: q}]}\n', '  - {name: a}\n']) {
    const n = Math.floor(1_000_000 / row.length);
    const text = 'version: 1\nentities:\n' + row.repeat(n);
    const t0 = Date.now();
    const m0 = process.memoryUsage().heapUsed;
    const r = readAnswers(text, 'big.yaml');
    console.log(JSON.stringify(row), n, Date.now() - t0, 'ms', Math.round((process.memoryUsage().heapUsed - m0) / 1e6), 'MB', r.problems.length, formatProblem(r.problems.at(-1)!));
  }
  const refs = 'version: 1\nentities:\n  - name: A\n    fields:\n' + '      - {name: a, type: uuid, references: Bx}\n'.repeat(20000);
  let t0 = Date.now(); let r = readAnswers(refs, 'r.yaml'); console.log('refs', Date.now() - t0, r.problems.length, formatProblem(r.problems.at(-1)!));
  const many = 'version: 1\nentities:\n' + Array.from({length: 20000}, (_, i) => `  - {name: E${i}, fields: [{name: a, type: uuid, references: X${i}}]}\n`).join('');
  t0 = Date.now(); r = readAnswers(many, 'r.yaml'); console.log('many', many.length, Date.now() - t0, r.problems.length, formatProblem(r.problems[0]!));
});
