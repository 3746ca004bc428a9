// The word-list tests (src/derive/plan/word-lists.ts) answer exactly as the regular expressions they replaced,
// kept here as their specification, on random names and texts made of the listed words, pieces of them, other
// letters, digits and separators (non-ASCII letters among them, which those expressions never took for letters).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PAYMENT_WORDS, PERSON_ENTITY_WORDS, PERSONAL_FIELDS, takesCardPayments } from '../../src/derive/catalog/risks.js';
import { DECIDES, SENDS } from '../../src/derive/plan/after-commit.js';
import { asciiWords, endsWithAny, endsWithWord, includesAny, saysAny } from '../../src/derive/plan/word-lists.js';

const PERSONAL_FIELD = /(^|_)(email|email_address|phone|phone_number|mobile|first_name|last_name|full_name|given_name|family_name|surname|address|birth_date|birthdate|date_of_birth|birthday|dob|ssn|passport|passport_number|national_id|ip_address)$/;
const PERSON_ENTITY = /(person|people|user|customer|client|patient|member|employee|staff|contact|guardian|practitioner|doctor|nurse|student|teacher|author|owner|borrower|subscriber|applicant|candidate|driver|rider|passenger|traveller|traveler|volunteer|attendee|participant|visitor|clinician|worker|courier|guest|tenant|buyer|seller|profile|account)$/i;
const PERSON_NAME = /(user|account|member|customer|person|employee|manager|profile|owner|staff|agent|patient|student)/i;
const PAYMENT = /\b(pay|pays|paid|payments?|paypal|cards?|checkout|stripe|adyen|braintree|billing|psp|acquirer)\b/i;
const SENDS_RE = /(^|[^a-z])(send|sends|sending|notif\w*|sms|e-?mails?|mail\w*|messag\w*|push|posts?|alerts?|chat|slack|remind\w*|webhooks? out)([^a-z]|$)/i;
const DECIDES_RE = /(^|[^a-z])(charg\w*|pay\w*|card|authori[sz]\w*|verif\w*|check\w*|scor\w*|fraud|quot\w*|pric\w*|reserv\w*|lookup|look up|directory|validat\w*)([^a-z]|$)/i;

/** Every word and stem of the expressions above (not taken from the lists under test), and near misses. */
const VOCABULARY = [PERSONAL_FIELD, PERSON_ENTITY, PERSON_NAME, PAYMENT, SENDS_RE, DECIDES_RE]
  .flatMap((re) => /\((?:\?:)?([a-z_|? \\w*[\]-]{20,})\)/.exec(re.source)![1]!.split('|'))
  .flatMap((w) => [w.replace(/\\w\*|\?|\[sz\]|-\?/g, ''), w.replace(/s\?$/, 's').replace(/\\w\*/, 'ing').replace(/\[sz\]/, 'z').replace(/-\?/, '-')])
  .concat(['e-mail', 'outgoing', 'emailing', 'sender', 'payroll', 'webhook  out', 'wor\u212aer', 'Wor\u212aer', 'cu\u017ftomer']);
const piece = fc.oneof(
  fc.constantFrom(...VOCABULARY),
  fc.constantFrom(...VOCABULARY).map((w) => w.toUpperCase()),
  fc.constantFrom(...VOCABULARY).map((w) => w[0]!.toUpperCase() + w.slice(1)),
  fc.constantFrom(...VOCABULARY).chain((w) => fc.nat(w.length).map((n) => w.slice(0, n))),
  fc.constantFrom('_', ' ', '-', ',', '.', '2', 'x', 'S', 'ing', 'é', '\u212a', '\u0131', '\u017f', '  '),
);
const text = fc.array(piece, { maxLength: 6 }).map((p) => p.join(''));
const RUNS = { seed: 20261206, numRuns: 3000 };

describe('word-list tests', () => {
  it('answer as the regular expressions they replaced', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(endsWithWord(t, PERSONAL_FIELDS), t).toBe(PERSONAL_FIELD.test(t));
        expect(endsWithAny(t, PERSON_ENTITY_WORDS), t).toBe(PERSON_ENTITY.test(t));
        expect(includesAny(t, ['user', 'account', 'member', 'customer', 'person', 'employee', 'manager', 'profile', 'owner', 'staff', 'agent', 'patient', 'student']), t).toBe(PERSON_NAME.test(t));
        expect(asciiWords(t).some((w) => PAYMENT_WORDS.has(w)), t).toBe(PAYMENT.test(t));
        expect(saysAny(t, SENDS), t).toBe(SENDS_RE.test(t));
        expect(saysAny(t, DECIDES), t).toBe(DECIDES_RE.test(t));
      }),
      RUNS,
    );
  });

  it('read the words of a text as a regular expression does', () => {
    expect(asciiWords('Card-payments, via Stripe_v2 (é)')).toEqual(['card', 'payments', 'via', 'stripe_v2']);
    expect(saysAny('Sends an e-mail', SENDS)).toBe(true);
    expect(saysAny('emailing', SENDS)).toBe(false);
    expect(saysAny('webhook out', SENDS)).toBe(true);
    expect(saysAny('webhook  out', SENDS)).toBe(false);
    expect(takesCardPayments({ name: 'PaymentGateway', purpose: '' })).toBe(true);
    expect(takesCardPayments({ name: 'Payroll', purpose: 'payload' })).toBe(false);
  });
});
