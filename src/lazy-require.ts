// A require for an ES module, made on first use: createRequire costs a few tenths of a millisecond (node:module
// brings Node's ES module loader), which the bundled CLI, whose requires scripts/bundle.mjs bundles in, never pays.

import { createRequire } from 'node:module';

/** `require` as the module at `url` would call it (for files beside it and packages), made when first called. */
export function lazyRequire(url: string): (id: string) => unknown {
  let nodeRequire: NodeJS.Require | undefined;
  return (id) => (nodeRequire ??= createRequire(url))(id);
}
