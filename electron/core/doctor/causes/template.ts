/**
 * Traces of the sender's template engine: placeholders sent unrendered (`{{event.x}}` outside
 * quotes), and empty values where a raw placeholder rendered to nothing (`"count": ,`).
 */
import { CLOSE_ARRAY, CLOSE_OBJECT, COMMA, CR, LF, OPEN_OBJECT, textOf } from '../bytes';
import type { ScanNotes } from '../notes';
import type { Finding } from '../types';
import { clip, code, type Detector, detection } from './context';

/** The `{{…}}` placeholder starting at `at`, read up to its `}}` on the same line (or clipped). */
export function placeholderAt(bytes: Uint8Array, at: number): string {
  let j = at + 2;
  while (j < bytes.length && j - at < 200) {
    const b = bytes[j];
    if (b === LF || b === CR || b === 0x22) break;
    if (b === CLOSE_OBJECT && bytes[j + 1] === CLOSE_OBJECT) return textOf(bytes, at, j + 2);
    j++;
  }
  return `${textOf(bytes, at, j)}…`;
}

/** The name inside a placeholder, `{{ state.user_id }}` → `state.user_id`. */
function placeholderName(placeholder: string): string {
  return placeholder.replace(/^\{\{\s*/, '').replace(/\s*\}\}(…)?$/, '');
}

export const rawPlaceholder: Detector = (ctx) => {
  const { bytes, failure } = ctx;
  const o = failure.offset;
  if (bytes[o] !== OPEN_OBJECT) return null;
  let at = -1;
  if (bytes[o - 1] === OPEN_OBJECT) at = o - 1;
  else if (bytes[o + 1] === OPEN_OBJECT) at = o;
  if (at < 0) return null;
  const placeholder = placeholderAt(bytes, at);
  return detection('template-placeholder', 0.93, at, {
    title: 'A template placeholder was not rendered',
    explanation:
      `${code(clip(placeholder, 60))} is template syntax, not JSON: the body was sent with the placeholder ` +
      'still in it, outside quotes — the template was not rendered, or the placeholder name is unknown and ' +
      'the renderer left it as is.',
    fix:
      `Put the placeholder inside quotes — ${code(`"${clip(placeholder, 60)}"`)} — so the body stays valid JSON ` +
      'whatever it renders to (the platform recommends passing numbers as strings too), and check that ' +
      `${code(placeholderName(placeholder))} exists for this trigger.`,
  });
};

export const missingValue: Detector = (ctx) => {
  const { bytes, failure } = ctx;
  const found = bytes[failure.offset];
  const closes = found === COMMA || found === CLOSE_OBJECT || found === CLOSE_ARRAY;
  if (!closes || failure.problem !== 'unexpected-character') return null;
  if (failure.expected === 'property-value') {
    const key = failure.lastKey ? textOf(bytes, failure.lastKey.start, failure.lastKey.end) : '"name"';
    const name = clip(key, 40);
    return detection('template-placeholder', 0.88, failure.offset, {
      title: `A value is missing after ${code(`${name}:`)}`,
      explanation:
        `Nothing stands between the colon and ${code(String.fromCharCode(found ?? 0x20))}. This is what a placeholder ` +
        `outside quotes renders to when the field is missing or empty: ${code(`${name}: {{event.field}}`)} ` +
        `becomes ${code(`${name}: ${String.fromCharCode(found ?? 0x20)}`)}.`,
      fix:
        `Put the placeholder inside quotes so an empty field still gives valid JSON: ${code(`${name}: "{{event.field}}"`)} ` +
        `(the platform recommends passing numbers as strings), or write a value such as ${code(`${name}: null`)}.`,
    });
  }
  if (failure.expected === 'next-element' && found === COMMA) {
    return detection('template-placeholder', 0.7, failure.offset, {
      title: 'An array element is missing between two commas',
      explanation:
        'Two commas in a row leave an empty element, which JSON does not allow; a placeholder that rendered ' +
        'to nothing (an element like `{{event.item}}`) leaves exactly this.',
      fix: 'Remove the extra comma, or put the placeholder in quotes / write `null` for the missing element.',
    });
  }
  return null;
};

/** Warnings for placeholders left inside strings (the JSON is valid, the data is not). */
export function placeholderFindings(bytes: Uint8Array, notes: ScanNotes): Finding[] {
  return notes.placeholders.map((offset, index) => {
    const placeholder = placeholderAt(bytes, offset);
    const last = index === notes.placeholders.length - 1;
    const more = notes.placeholderCount - notes.placeholders.length;
    return {
      id: 'template-placeholder',
      offset,
      title: 'A placeholder was not rendered',
      explanation:
        `The body contains ${code(clip(placeholder, 60))} as text: the sender's template engine did not ` +
        'replace it, so the receiver gets the placeholder instead of the value.' +
        (last && more > 0 ? ` ${more} more placeholder${more === 1 ? ' is' : 's are'} not shown.` : ''),
      fix:
        `Check that ${code(placeholderName(placeholder))} exists for this trigger (the property name is spelled ` +
        'as the platform documents it, and the event carries it), then send again.',
    };
  });
}
