/** Renders a step summary (Markdown mixed with the HTML tables @actions/core writes) as plain text. */
export function summaryAsText(summary: string): string {
  return summary
    .replace(/<br\s*\/?>/g, '\n      ')
    .replace(/<\/t[hd]>/g, ' | ')
    .replace(/<\/tr>/g, '\n')
    .replace(/<h\d>(.*?)<\/h\d>/g, '## $1\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line, i, lines) => line !== '' || lines[i - 1] !== '')
    .join('\n')
    .trim();
}
