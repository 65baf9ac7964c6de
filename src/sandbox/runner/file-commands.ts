/**
 * The runner's file commands: steps append `name=value` lines, or `name<<DELIMITER` blocks for
 * multi-line values, to the files named by GITHUB_ENV, GITHUB_OUTPUT and GITHUB_STATE. Later entries
 * replace earlier ones, as they do on a real runner.
 */
export function parseFileCommands(text: string): Map<string, string> {
  const values = new Map<string, string>();
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const end = lines.indexOf(delimiter!, i + 1);
      if (end < 0) throw new Error(`unterminated value for ${name} (no closing ${delimiter})`);
      values.set(name!, lines.slice(i + 1, end).join('\n'));
      i = end;
      continue;
    }
    const eq = line.indexOf('=');
    if (eq <= 0) throw new Error(`malformed file command line ${i + 1}`);
    values.set(line.slice(0, eq), line.slice(eq + 1));
  }
  return values;
}
