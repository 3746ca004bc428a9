// One name per handler across the formats: the language's (SVC-2 languageName), so a Go plan says
// `PaymentService.CreatePayment` in the technical plan, the implementation plan and the phases alike.
import { describe, expect, it } from 'vitest';
import { exampleModel, renderFormat } from '../helpers/plans.js';

describe('handler names follow the language', () => {
  const m = exampleModel('payments');

  it('Go: exported method names in every format that names the handler', () => {
    const six = renderFormat(m, 'six-phase');
    const impl = renderFormat(m, 'implementation-plan');
    const arch = renderFormat(m, 'architect-doc');
    for (const text of [six, impl, arch]) {
      expect(text).toContain('PaymentService.CreatePayment');
      expect(text).not.toMatch(/PaymentService\.createPayment\b/);
    }
    expect(m.plan.phases.flatMap((p) => p.tasks)).toContain('POST /payments -> PaymentService.CreatePayment');
  });
});
