import { writeFileSync, mkdirSync } from 'node:fs';
import { it } from 'vitest';
import { EXAMPLES, STACK_VARIANTS, exampleModel, modelOf, renderFormat, variantName, variantText } from '../helpers/plans.js';
import { markdownProblems } from '../helpers/markdown.js';
it('dev variants', () => {
  mkdirSync('/tmp/dev-out', { recursive: true });
  for (const v of STACK_VARIANTS) {
    const m = modelOf(variantText(v), 'variant.yaml');
    for (const f of ['six-phase', 'implementation-plan']) writeFileSync(`/tmp/dev-out/v-${variantName(v)}-${f}.md`, renderFormat(m, f));
  }
  for (const ex of EXAMPLES) {
    const m = exampleModel(ex);
    for (const f of ['six-phase', 'implementation-plan']) { const t = renderFormat(m, f); writeFileSync(`/tmp/dev-out/${ex}-${f}.md`, t); console.log(ex, f, JSON.stringify(markdownProblems(t))); }
  }
});
