/** A value matched literally inside a LIKE pattern (`\` is PostgreSQL's default escape character). */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
