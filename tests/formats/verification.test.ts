// verification (seed 004's "Before Claiming Completion", verification.md): golden files per example, the seed's
// feature checklist, a section per endpoint with a request for every error state and the status it must get,
// the database checks afterwards and the response-time target.

import { describe, expect, it } from 'vitest';
import type { Model } from '../../src/derive/model.js';
import { headings, markdownProblems, section } from '../helpers/markdown.js';
import { EXAMPLES, GOLDEN_VARIANT, STACK_VARIANTS, everyFieldTypeText, exampleModel, modelOf, renderFormat, variantName, variantText } from '../helpers/plans.js';

function render(m: Model): { m: Model; text: string } {
  return { m, text: renderFormat(m, 'verification') };
}

function checkVerification(m: Model, text: string): void {
  expect(headings(text).map((h) => `${h.level} ${h.text}`)).toEqual([
    `1 Verification Checklist: ${m.project.name}`,
    '2 Feature Implementation',
    ...m.endpoints.map((ep) => `2 ${ep.id}`),
    '2 Quality Gate',
  ]);
  expect(markdownProblems(text)).toEqual([]);
  const feature = section(text, 'Feature Implementation');
  for (const item of ['Tested API endpoints', 'Verified data flow', 'Error handling', 'Performance check', 'Security validation', 'Database verification']) {
    expect(feature).toContain(`- [ ] **${item}**: `);
  }
  for (const ep of m.endpoints) {
    const s = section(text, ep.id);
    const requests = s.split('\n').filter((l) => l.startsWith('- [ ] ') && l.includes(' → **'));
    expect(requests[0], ep.id).toMatch(new RegExp(`^- \\[ \\] Valid request .* → \\*\\*${ep.status} `));
    for (const st of ep.errorStates) {
      expect(requests.some((l) => l.endsWith(`→ **${st.status} ${st.title}** (${st.name})`)), `${ep.id}: ${st.status} ${st.name}`).toBe(true);
    }
    expect(s).toContain('Afterwards:\n');
    // VER-6 per endpoint: the plan's target, or measured within the endpoint's own rate limit when that is lower.
    const target = m.plan.verification.endpoints.find((x) => x.endpoint === ep.id)!.target;
    expect(s).toContain(`- [ ] Response time: ${target}${m.requirements.latencyP95Ms === null ? '; record the p95' : ''}.`);
  }
}

describe('verification', () => {
  for (const name of EXAMPLES) {
    it(`renders ${name} as the golden file`, async () => {
      const { m, text } = render(exampleModel(name));
      checkVerification(m, text);
      await expect(text).toMatchFileSnapshot(`__golden__/${name}/verification.md`);
    });
  }

  for (const v of STACK_VARIANTS) {
    it(`holds its structure for ${variantName(v)}`, async () => {
      const { m, text } = render(modelOf(variantText(v), 'variant.yaml'));
      if (variantName(v) === GOLDEN_VARIANT) await expect(text).toMatchFileSnapshot(`__golden__/variants/${GOLDEN_VARIANT}/verification.md`);
      checkVerification(m, text);
    });
  }

  it('shows the concrete requests of POST /payments with their statuses', () => {
    const { text } = render(exampleModel('payments'));
    const s = section(text, 'POST /payments');
    expect(s).toContain('- [ ] Valid request with a valid bearer token → **201 Created**');
    expect(s).toContain('- [ ] amount_cents below its minimum 1: `0` → **400 Bad Request** (ValidationError)');
    expect(s).toContain('- [ ] currency outside usd, eur, gbp: `"invalid"` → **400 Bad Request** (ValidationError)');
    expect(s).toContain('- [ ] No bearer token → **401 Unauthorized** (Unauthorized)');
    expect(s).toContain('- [ ] The valid request again with the same idempotency_key and the same body: the first response replayed (the same Payment, no second row and no second call to Stripe) → **201 Created**');
    expect(s).toContain('- [ ] The same idempotency_key again with a different body → **409 Conflict** (DuplicatePayment)');
    expect(s).toContain('- [ ] Stripe stubbed to answer after more than 5000 ms → **504 Gateway Timeout** (StripeTimeout)');
    expect(s).toContain('```text\ncustomer_id:     <id of an existing Customer>\norder_ref:       "order_ref-1"\n');
    expect(s).toContain('- [ ] After each failed request: no new row in payments.');
    expect(s).toContain('- [ ] Response time: p95 under 300 ms at 200 requests per second.');
    expect(section(text, 'POST /payments/{id}/refunds')).toContain('- [ ] A valid bearer token of an authenticated caller who is not an admin → **403 Forbidden** (Forbidden)');
  });

  it('says there is no response-time target when the answers give none', () => {
    const { text } = render(exampleModel('notes'));
    expect(text).toContain('- **Response-time target:** no target in the answers.');
    expect(text).toContain('- [ ] **Performance check**: no target in the answers; record the p95 per endpoint.');
  });

  it('keeps odd values and user text inside their code spans and fences', () => {
    for (const lang of ['go', 'python']) {
      const { m, text } = render(modelOf(everyFieldTypeText(lang), 'odd.yaml'));
      checkVerification(m, text);
    }
  });
});
