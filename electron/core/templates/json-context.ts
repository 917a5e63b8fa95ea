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
