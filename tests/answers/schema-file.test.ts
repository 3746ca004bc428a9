import { describe, expect, it } from 'vitest';
import * as enums from '../../src/answers/answers.js';
import { answersSchema } from '../../src/answers/index.js';

describe('schemas/answers.schema.json', () => {
  it('is the schema object written out (regenerate with `npx vitest run tests/answers -u`)', async () => {
    await expect(`${JSON.stringify(answersSchema, null, 2)}\n`).toMatchFileSnapshot('../../schemas/answers.schema.json');
  });

  it('uses the enums of answers.ts', () => {
    const s = answersSchema as any;
    expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(s.properties.stack.properties.language.enum).toEqual([...enums.LANGUAGES]);
    expect(s.properties.stack.properties.database.enum).toEqual([...enums.DATABASES]);
    expect(s.properties.stack.properties.compute.enum).toEqual([...enums.COMPUTES]);
    expect(s.properties.entities.items.properties.fields.items.properties.type.enum).toEqual([...enums.FIELD_TYPES]);
    expect(s.properties.endpoints.items.properties.method.enum).toEqual([...enums.HTTP_METHODS]);
  });
});
