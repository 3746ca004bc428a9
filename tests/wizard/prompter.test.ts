// The inquirer side of the Prompter, driven with @inquirer/testing: answers, re-asking with the reason,
// defaults, and Ctrl-C as inquirer reports it.
import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import { createInquirerPrompter, type Prompter } from '../../src/wizard/prompter.js';

type Ctx = { input: NodeJS.ReadStream; output: NodeJS.WriteStream };

/** Waits (polling, so a busy machine only makes it slower) until `ok` holds. */
async function until(ok: () => boolean, what: string): Promise<void> {
  const end = Date.now() + 10_000;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Renders one of our prompter's prompts on @inquirer/testing's streams, once it is on the screen. */
async function show<T>(ask: (p: Prompter) => Promise<T>, message: string) {
  const screen = await render(
    (_: object, ctx: unknown) => createInquirerPrompter({ stdin: (ctx as Ctx).input, stdout: (ctx as Ctx).output }, false).then(ask),
    {},
  );
  // Our prompter loads inquirer first: type only once the prompt is drawn (and so listening).
  await until(() => screen.getScreen().includes(message), message);
  return screen;
}

describe('the inquirer prompter', () => {
  it('asks again with the reason until validate accepts, and shows the help first', async () => {
    const { answer, events, getScreen, getFullOutput } = await show((p) =>
      p.input({ message: 'Entity name', help: 'Such as Payment.', validate: (v) => (/^[A-Z]/.test(v) ? true : 'must be PascalCase') }), 'Entity name',
    );
    events.type('payment');
    events.keypress('enter');
    await until(() => getScreen().includes('must be PascalCase'), 'the reason');
    for (let i = 0; i < 'payment'.length; i++) events.keypress('backspace');
    events.type('Payment');
    events.keypress('enter');
    await expect(answer).resolves.toBe('Payment');
    expect(getFullOutput()).toContain('  Such as Payment.\n');
  });

  it('select starts on the default; checkbox validates the chosen values', async () => {
    const s = await show((p) => p.select({ message: 'Cloud', choices: ['aws', 'gcp', 'azure'].map((v) => ({ value: v, name: v })), default: 'gcp' }), 'Cloud');
    s.events.keypress('enter');
    await expect(s.answer).resolves.toBe('gcp');

    const seen: string[][] = [];
    const c = await show((p) =>
      p.checkbox({
        message: 'Operations',
        choices: ['list', 'get'].map((v) => ({ value: v, name: v, checked: v === 'get' })),
        validate: (vs) => (seen.push(vs), vs.length === 2 ? true : 'tick both'),
      }),
      'Operations',
    );
    c.events.keypress('enter');
    await until(() => c.getScreen().includes('tick both'), 'the reason');
    c.events.keypress('space');
    c.events.keypress('enter');
    await expect(c.answer).resolves.toEqual(['list', 'get']);
    expect(seen).toEqual([['get'], ['list', 'get']]);
  });

  it('number and confirm take their defaults on Enter', async () => {
    const n = await show((p) => p.number({ message: 'Engineers', default: 3, min: 1 }), 'Engineers');
    n.events.keypress('enter');
    await expect(n.answer).resolves.toBe(3);
    const c = await show((p) => p.confirm({ message: 'Timestamps?', default: true }), 'Timestamps?');
    c.events.keypress('enter');
    await expect(c.answer).resolves.toBe(true);
  });

  it('Ctrl-C rejects with ExitPromptError', async () => {
    const { answer, events } = await show((p) => p.input({ message: 'Project name' }), 'Project name');
    events.keypress({ name: 'c', ctrl: true });
    await expect(answer).rejects.toMatchObject({ name: 'ExitPromptError' });
  });
});
