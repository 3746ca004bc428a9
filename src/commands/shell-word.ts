// A word as a POSIX shell reads it back, for the commands archplan prints for the user to run.

/** A word the shell passes as is, or the word in single quotes. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
