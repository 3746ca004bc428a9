import { it } from 'vitest';
import { loadYaml } from '../../src/answers/load.js';
import { schemaErrors } from '../../src/answers/schema-validator.js';
import { translateSchemaErrors } from '../../src/answers/schema-problems.js';
import { crossReferenceFindings } from '../../src/answers/crossref.js';
it('big', () => {
  const row = '  - {}\n';
  const text = 'version: 1\nentities:\n' + row.repeat(100000);
  let t = Date.now();
  const l = loadYaml(text); console.log('load', Date.now() - t); t = Date.now();
  const e = schemaErrors(l.value); console.log('ajv', Date.now() - t, e.length); t = Date.now();
  const f = translateSchemaErrors(e, l.value); console.log('translate', Date.now() - t, f.length); t = Date.now();
  const c = crossReferenceFindings(l.value); console.log('xref', Date.now() - t, c.length); t = Date.now();
  for (const x of f) l.position(l.offsetOf(x.path)); console.log('locate', Date.now() - t); t = Date.now();
});
