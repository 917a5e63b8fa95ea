/**
 * Edits filter text term by term, for the quick buttons and the bucket list.
 * Splits like shared/filter.ts does: on spaces outside double quotes.
 */

function splitTerms(text: string): string[] {
  const terms: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    if (ch === '\\' && quoted && text[i + 1] === '"') {
      current += '\\"';
      i += 1;
      continue;
    }
    if (ch === '"') quoted = !quoted;
    if (!quoted && /\s/.test(ch)) {
      if (current !== '') terms.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (current !== '') terms.push(current);
  return terms;
}

/** A filter value, quoted when it holds spaces or quotes. */
export function quoteValue(value: string): string {
  return /[\s"]/.test(value) ? `"${value.replaceAll('"', '\\"')}"` : value;
}

/** Whether the exact term is in the filter (key case-insensitive, as the parser reads it). */
export function hasTerm(text: string, term: string): boolean {
  const lower = term.toLowerCase();
  return splitTerms(text).some((t) => t.toLowerCase() === lower);
}

/** Adds the term, or removes it when present. */
export function toggleTerm(text: string, term: string): string {
  const terms = splitTerms(text);
  const lower = term.toLowerCase();
  const kept = terms.filter((t) => t.toLowerCase() !== lower);
  return (kept.length === terms.length ? [...terms, term] : kept).join(' ');
}

/** Replaces every `key:` term with `key:value` (a filter has one bucket, one validity…). */
export function setKeyTerm(text: string, key: string, value: string): string {
  const prefix = `${key.toLowerCase()}:`;
  const kept = splitTerms(text).filter((t) => !t.toLowerCase().startsWith(prefix));
  return [...kept, `${key}:${quoteValue(value)}`].join(' ');
}

/** Appends a term (from the help), with a space when needed. */
export function appendTerm(text: string, term: string): string {
  const trimmed = text.trimEnd();
  return trimmed === '' ? term : `${trimmed} ${term}`;
}
