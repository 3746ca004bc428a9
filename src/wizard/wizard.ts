// The interview: every section of the questionnaire in order, then a summary and a choice (save, edit a
// section, quit) until the answers are saved or abandoned. Pure of I/O: the prompter asks, the caller writes.

import type { Problem } from '../errors.js';
import { askQuestions, newContext, rootScope } from './ask.js';
import type { Prompter } from './prompter.js';
import type { Section } from './questionnaire.js';
import { isObj, type Obj } from './scope.js';
import { summarize } from './summary.js';

export interface WizardOptions {
  sections: readonly Section[];
  /** The answers file as the user names it (for the summary and the save choice). */
  file: string;
  /** The answers to start from (an existing file's): their values are the defaults. */
  initial?: Obj;
  /** The text that would be written for these answers. */
  render(answers: Obj): string;
  /** The answers file's rules on that text: every problem, errors block saving. */
  problems(text: string): Problem[];
}

export type WizardResult = { action: 'save'; answers: Obj; text: string } | { action: 'quit' };

export const INTRO =
  'archplan init: a few questions about the backend you are planning; the answers file it writes is yours to keep in git.\n' +
  'Enter accepts the value shown; type - to leave an optional answer empty. Ctrl-C stops without writing anything.';

/** The problem reported at `path` or inside it, if any. */
export function problemAt(problems: readonly Problem[], path: string): Problem | undefined {
  return problems.find((p) => p.severity === 'error' && (p.path === path || p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`)));
}

export async function runWizard(prompter: Prompter, options: WizardOptions): Promise<WizardResult> {
  const answers: Obj = isObj(options.initial) ? (JSON.parse(JSON.stringify(options.initial)) as Obj) : {};
  answers.version = 1;
  const check = (root: Obj, path: string) => {
    const found = problemAt(options.problems(options.render(root)), path);
    return found ? found.message : null;
  };
  const ctx = newContext(prompter, check, isObj(options.initial));
  const scope = rootScope(answers);
  const ask = async (section: Section) => {
    prompter.say(`\n${section.title}${section.intro ? `\n${section.intro}` : ''}`);
    await askQuestions(section.questions, scope, ctx);
  };

  prompter.say(INTRO);
  if (isObj(options.initial)) prompter.say(`Editing ${options.file}: its values are the defaults.`);
  for (const section of options.sections) await ask(section);

  for (;;) {
    const text = options.render(answers);
    const problems = options.problems(text);
    const errors = problems.filter((p) => p.severity === 'error');
    prompter.say(`\n${summarize(answers, options.file)}`);
    if (problems.length > 0) {
      prompter.say(problems.map((p) => `  ${p.severity}: ${p.path ? `${p.path}: ` : ''}${p.message}`).join('\n'));
    }
    const action = await prompter.select<string>({
      message: errors.length > 0 ? `${errors.length === 1 ? 'One problem' : `${errors.length} problems`} to fix before saving. What next?` : 'What next?',
      choices: [
        { value: 'save', name: `Save ${options.file}`, ...(errors.length > 0 ? { disabled: 'fix the problems first' } : {}) },
        ...options.sections.map((s) => ({ value: `edit:${s.section}`, name: `Edit: ${s.title}` })),
        { value: 'quit', name: 'Quit without saving' },
      ],
      default: errors.length > 0 ? `edit:${options.sections[0]?.section ?? ''}` : 'save',
    });
    if (action === 'save') return { action: 'save', answers, text };
    if (action === 'quit') {
      if (await prompter.confirm({ message: 'Quit without saving? Nothing will be written.', default: false })) return { action: 'quit' };
      continue;
    }
    const section = options.sections.find((s) => `edit:${s.section}` === action);
    if (section) await ask(section);
  }
}
