// The five kinds of prompt the wizard asks, as an interface: inquirer behind it in the terminal, a scripted
// fake in tests. Validation follows inquirer's rule: `true` accepts, a string is the reason to ask again.

export type Validation = true | string;

export interface PromptChoice<V> {
  value: V;
  name: string;
  description?: string;
  /** Shown but not selectable; a string says why. */
  disabled?: boolean | string;
  /** checkbox: ticked at first. */
  checked?: boolean;
}

export interface InputPrompt {
  message: string;
  default?: string;
  help?: string;
  validate?: (value: string) => Validation;
}

export interface SelectPrompt<V> {
  message: string;
  choices: PromptChoice<V>[];
  default?: V;
  help?: string;
}

export interface CheckboxPrompt<V> {
  message: string;
  choices: PromptChoice<V>[];
  help?: string;
  validate?: (values: V[]) => Validation;
}

export interface ConfirmPrompt {
  message: string;
  default?: boolean;
  help?: string;
}

export interface NumberPrompt {
  message: string;
  default?: number;
  min?: number;
  max?: number;
  required?: boolean;
  help?: string;
  validate?: (value: number | undefined) => Validation;
}

export interface Prompter {
  input(p: InputPrompt): Promise<string>;
  select<V>(p: SelectPrompt<V>): Promise<V>;
  checkbox<V>(p: CheckboxPrompt<V>): Promise<V[]>;
  confirm(p: ConfirmPrompt): Promise<boolean>;
  number(p: NumberPrompt): Promise<number | undefined>;
  /** Text that is not a question: section titles, the summary, problems. */
  say(text: string): void;
}

export interface TerminalStreams {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
}

/** Inquirer on the given terminal. Imported here, on the interactive path only. */
export async function createInquirerPrompter(io: TerminalStreams, color: boolean): Promise<Prompter> {
  const inquirer = await import('@inquirer/prompts');
  const context = { input: io.stdin, output: io.stdout, clearPromptOnDone: false };
  const dim = (s: string) => (color ? `\u001b[2m${s}\u001b[22m` : s);
  const help = (text: string | undefined) => {
    if (text) io.stdout.write(`${dim(`  ${text.trim().replace(/\n/g, '\n  ')}`)}\n`);
  };
  return {
    async input(p) {
      help(p.help);
      return inquirer.input(
        {
          message: p.message,
          ...(p.default !== undefined && p.default !== '' ? { default: p.default } : {}),
          ...(p.validate ? { validate: p.validate } : {}),
        },
        context,
      );
    },
    async select<V>(p: SelectPrompt<V>) {
      help(p.help);
      return inquirer.select<V>(
        {
          message: p.message,
          choices: p.choices.map((c) => ({ value: c.value, name: c.name, ...(c.description ? { description: c.description } : {}), ...(c.disabled ? { disabled: c.disabled } : {}) })),
          ...(p.default !== undefined ? { default: p.default } : {}),
          pageSize: 12,
          loop: false,
        },
        context,
      );
    },
    async checkbox<V>(p: CheckboxPrompt<V>) {
      help(p.help);
      const validate = p.validate;
      return inquirer.checkbox<V>(
        {
          message: p.message,
          choices: p.choices.map((c) => ({ value: c.value, name: c.name, checked: c.checked ?? false, ...(c.description ? { description: c.description } : {}) })),
          pageSize: 12,
          loop: false,
          ...(validate ? { validate: (chosen: readonly { value: V }[]) => validate(chosen.map((c) => c.value)) } : {}),
        },
        context,
      );
    },
    async confirm(p) {
      help(p.help);
      return inquirer.confirm({ message: p.message, ...(p.default !== undefined ? { default: p.default } : {}) }, context);
    },
    async number(p) {
      help(p.help);
      const validate = p.validate;
      return inquirer.number(
        {
          message: p.message,
          ...(p.default !== undefined ? { default: p.default } : {}),
          ...(p.min !== undefined ? { min: p.min } : {}),
          ...(p.max !== undefined ? { max: p.max } : {}),
          required: p.required ?? false,
          step: 1,
          ...(validate ? { validate: (v: number | undefined) => validate(v) } : {}),
        },
        context,
      );
    },
    say(text) {
      io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    },
  };
}
