// The formats a command can render: the built-in ones, then those of a templates folder (with its overrides).

import { BUILTIN_FORMATS, type FormatDef } from '../render/formats.js';
import { loadCustomTemplates, type CustomTemplates } from '../render/custom-templates.js';
import { CONFIG_FILE, templatesFolder, type TemplateOptions, type TemplatesFolder } from './config.js';
import type { Io } from './io.js';

export interface FormatRegistry {
  /** Built-in formats in the order of formats.md, then the custom ones by name. */
  formats: FormatDef[];
  folder: TemplatesFolder | null;
  custom: CustomTemplates | null;
}

export function formatRegistry(options: TemplateOptions, io: Pick<Io, 'cwd'>, listing = false): FormatRegistry {
  const folder = templatesFolder(options, io, listing);
  if (!folder) return { formats: [...BUILTIN_FORMATS], folder: null, custom: null };
  const custom = loadCustomTemplates(folder.dir, folder.shown, BUILTIN_FORMATS);
  return { formats: [...BUILTIN_FORMATS, ...custom.formats.map((f) => f.def)], folder, custom };
}

/** Where each format comes from, for `archplan formats` and messages. */
export function formatSource(registry: FormatRegistry, format: FormatDef): string {
  const custom = registry.custom?.formats.find((f) => f.def.name === format.name);
  const trust = registry.folder?.from === 'config file' ? `, from ${CONFIG_FILE}; used with --trust-templates` : '';
  if (custom) return `custom: ${custom.source}${trust}`;
  const override = registry.custom?.overrides.find((o) => o.name === format.name);
  if (override) return `built-in, overridden by ${override.source}${trust}`;
  return 'built-in';
}
