/** The few Markdown constructs the generated docs use; prettier formats the result (scripts/policies-doc.js). */

/** A table cell: a pipe would end the cell, a line break the row. */
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

export function table(header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string {
  const line = (cells: ReadonlyArray<string>) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export const code = (text: string): string => `\`${text}\``;

export const bullets = (items: ReadonlyArray<string>): string => items.map((item) => `- ${item}`).join('\n');

/** Sections separated by blank lines, empty ones left out. */
export const blocks = (...parts: ReadonlyArray<string | undefined | false>): string =>
  parts.filter((part): part is string => typeof part === 'string' && part !== '').join('\n\n');
