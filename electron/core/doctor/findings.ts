/**
 * Warnings about valid JSON that a receiver will still get wrong.
 */
import { textOf } from './bytes';
import { code } from './causes/context';
import { placeholderFindings } from './causes/template';
import type { ScanNotes } from './notes';
import type { Finding } from './types';

function moreNote(shown: number, total: number, index: number, what: string): string {
  const more = total - shown;
  return index === shown - 1 && more > 0 ? ` ${more} more ${what} not shown.` : '';
}

function unsafeIntegerFindings(bytes: Uint8Array, notes: ScanNotes): Finding[] {
  return notes.unsafeIntegers.map(({ start, end }, index) => {
    const digits = textOf(bytes, start, end);
    // What JavaScript's JSON.parse would hand the receiver: shown, never used as the value.
    const read = Number(digits);
    const asRead = Number.isFinite(read) ? BigInt(read).toString() : String(read);
    return {
      id: 'unsafe-integer',
      offset: start,
      title: 'A number too big for JavaScript',
      explanation:
        `${code(digits)} is valid JSON but larger than 2^53 − 1 (9007199254740991): JSON.parse in JavaScript ` +
        `(Node, browsers) reads it as ${code(asRead)}, so ids like this get silently changed.` +
        moreNote(notes.unsafeIntegers.length, notes.unsafeIntegerCount, index, 'such numbers are'),
      fix: `Send it as a string — ${code(`"${digits}"`)} — as the platform recommends for numeric properties.`,
    };
  });
}

function loneSurrogateFindings(bytes: Uint8Array, notes: ScanNotes): Finding[] {
  return notes.loneSurrogates.map((offset, index) => ({
    id: 'lone-surrogate',
    offset,
    title: 'Half of a UTF-16 surrogate pair',
    explanation:
      `${code(textOf(bytes, offset, offset + 6))} is half of a surrogate pair with no other half. Parsers ` +
      'accept it, but it is not a character: converting it to UTF-8 fails or gives U+FFFD.' +
      moreNote(notes.loneSurrogates.length, notes.loneSurrogateCount, index, 'such escapes are'),
    fix: 'Send the whole pair (for example `\\uD83D\\uDE00` for 😀) or the character itself; text cut in the middle of an emoji often causes this.',
  }));
}

function duplicateKeyFindings(bytes: Uint8Array, notes: ScanNotes): Finding[] {
  return notes.duplicateKeys.map(({ again, first }, index) => {
    const key = textOf(bytes, again.start, again.end);
    return {
      id: 'duplicate-key',
      offset: again.start,
      title: `The key ${code(key)} appears twice in one object`,
      explanation:
        `${code(key)} is written again in the same object (first at byte ${first}). JSON does not say ` +
        'which one counts: JavaScript and Python keep the last, others the first or refuse the body, ' +
        'so a receiver may read a different value than the sender meant.' +
        moreNote(notes.duplicateKeys.length, notes.duplicateKeyCount, index, 'repeated keys are'),
      fix: `Send ${code(key)} once per object, with the value that is meant.`,
    };
  });
}

/** Every warning the scanner's notes call for, in body order. */
export function notesFindings(bytes: Uint8Array, notes: ScanNotes): Finding[] {
  return [
    ...placeholderFindings(bytes, notes),
    ...unsafeIntegerFindings(bytes, notes),
    ...loneSurrogateFindings(bytes, notes),
    ...duplicateKeyFindings(bytes, notes),
  ].sort((a, b) => (a.offset ?? 0) - (b.offset ?? 0));
}
