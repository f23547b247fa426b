/** The part of a Markdown file between the generated-section markers. */
export const BEGIN = '<!-- BEGIN GENERATED: npm run schema -->';
export const END = '<!-- END GENERATED -->';

/** The file with its generated section replaced by `body`. */
export function replaceGeneratedSection(text: string, body: string): string {
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`the file has no ${BEGIN} … ${END} section`);
  return `${text.slice(0, start + BEGIN.length)}\n\n${body}\n${text.slice(end)}`;
}
