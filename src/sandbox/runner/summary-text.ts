/**
 * Renders a step summary (Markdown mixed with the HTML that @actions/core writes) as plain text for a
 * terminal. A table becomes one block per row, each cell on its own line under its column's header,
 * because claim lists and ARNs make table rows far wider than a terminal.
 */
export function summaryAsText(summary: string): string {
  return summary
    .replace(/<table>([\s\S]*?)<\/table>/g, (_, body: string) => tableAsText(body))
    .replace(/<h\d>(.*?)<\/h\d>/g, '## $1\n')
    .replace(/<pre[^>]*><code>([\s\S]*?)<\/code><\/pre>/g, (_, code: string) => `${indent(text(code), '    ')}\n`)
    .replace(/<[^>]+>/g, '')
    .split('\n')
    .map((line) => decodeEntities(line).trimEnd())
    .filter((line, i, lines) => line !== '' || lines[i - 1] !== '')
    .join('\n')
    .trim();
}

function tableAsText(body: string): string {
  const rows = [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row]) => [...row!.matchAll(/<t([hd])>([\s\S]*?)<\/t\1>/g)].map(([, kind, cell]) => ({ header: kind === 'h', text: text(cell!) })));
  const headers = rows[0]?.every((cell) => cell.header) ? rows.shift()!.map((cell) => cell.text) : [];
  const width = Math.max(0, ...headers.map((header) => header.length));
  const blocks = rows.map((row) =>
    row
      .map((cell, i) => {
        const label = (headers[i] ?? '').padEnd(width);
        const [first = '', ...rest] = cell.text.split('\n');
        return [`  ${label}  ${first}`, ...rest.map((line) => `  ${' '.repeat(width)}  ${line}`)].join('\n');
      })
      .join('\n'),
  );
  return `\n${blocks.join('\n\n')}\n`;
}

/** A cell's or block's text: line breaks kept, tags dropped, entities decoded later. */
function text(html: string): string {
  return html.replace(/<br\s*\/?>/g, '\n').replace(/<[^>]+>/g, '').trim();
}

function indent(block: string, prefix: string): string {
  return block
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}

function decodeEntities(line: string): string {
  return line
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}
