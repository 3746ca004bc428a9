import { writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { everyFieldTypeText, modelOf, renderFormat } from '../helpers/plans.js';
it('dev odd', () => {
  for (const l of ['go', 'typescript', 'python']) {
    const m = modelOf(everyFieldTypeText(l), 'odd.yaml');
    writeFileSync(`/tmp/dev-out/odd-${l}.md`, renderFormat(m, 'six-phase'));
  }
});
