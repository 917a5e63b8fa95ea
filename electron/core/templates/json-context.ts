/**
 * The JSON lexical state that json-safe mode carries through a template's literal text, so
 * each `{{…}}` can be classified, at compile time, as inside a JSON string or not.
 *
 * Only quotes and backslashes change the state, so this is deliberately not a JSON parser:
 * the template text around the tags is usually not valid JSON on its own (`"n": {{count}}`).
 */

/** `value`: outside strings; `string`: inside one; `escape`: just after a backslash in one. */
export type JsonPlace = 'value' | 'string' | 'escape';

export interface JsonLexState {
  readonly place: JsonPlace;
  /** Template source offset of the quote that opened the current string, or -1 outside strings. */
  readonly openedAt: number;
}

export const JSON_START: JsonLexState = { place: 'value', openedAt: -1 };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The state after `text`, which starts at `textOffset` in the template source. */
export function scanJson(text: string, state: JsonLexState, textOffset: number): JsonLexState {
  let place = state.place;
  let openedAt = state.openedAt;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (place === 'escape') {
      place = 'string';
    } else if (place === 'string') {
      if (code === BACKSLASH) place = 'escape';
      else if (code === QUOTE) {
        place = 'value';
        openedAt = -1;
      }
    } else if (code === QUOTE) {
      place = 'string';
      openedAt = textOffset + index;
    }
  }
  return place === state.place && openedAt === state.openedAt ? state : { place, openedAt };
}

/**
 * The state after a `{{…}}` rendered in json-safe mode: its output never contains an
 * unescaped quote, so it only completes a pending backslash escape.
 */
export function afterValue(state: JsonLexState): JsonLexState {
  return state.place === 'escape' ? { place: 'string', openedAt: state.openedAt } : state;
}

export function sameJsonState(a: JsonLexState, b: JsonLexState): boolean {
  return (a.place === 'value') === (b.place === 'value');
}

/**
 * Why a tag right after a backslash inside a JSON string (`"C:\\{{dir}}"`) breaks the body, and
 * the fix. Handlebars' lexer drops one backslash before `{{` (`\\{{` is one backslash then the
 * tag; `\{{` prints the tag as text), so a JSON-escaped backslash, two in the template, reaches
 * the output as one and escapes the value's first character. `backslashes`: how many the
 * template has right before `{{` (fewer than 2 when whitespace control or a block put it there).
 */
export function escapedValueMessage(tag: string, backslashes: number): string {
  const slashes = (n: number) => '\\'.repeat(n);
  const lead = `${tag} comes right after a backslash inside a JSON string`;
  const effect =
    'so that backslash escapes the first character of the value: the JSON breaks, or the character silently changes (a "t" becomes a tab).';
  if (backslashes < 2)
    return `${lead}, ${effect} Write a backslash as \\\\ in a JSON string (\\\\\\ right before {{, where Handlebars drops one).`;
  return `${lead}, and Handlebars reads ${slashes(backslashes)}{{ as ${slashes(backslashes - 1)} and then the tag (it drops one backslash before {{), ${effect} Write ${slashes(backslashes + 1)}${tag} instead: with one backslash more, ${slashes(backslashes)} reaches the JSON.`;
}
