/**
 * What the scanner notices on the way that does not break the JSON but deserves a warning.
 * Only the first few positions are kept (plus a count) so a 20 MB body full of them stays cheap.
 */

export interface Span {
  start: number;
  end: number;
}

const KEEP = 10;

export class ScanNotes {
  /** Offsets of `{{` inside strings: a template placeholder that was sent unrendered. */
  readonly placeholders: number[] = [];
  placeholderCount = 0;
  /** Integer literals beyond ±(2^53 − 1): JavaScript receivers silently round them. */
  readonly unsafeIntegers: Span[] = [];
  unsafeIntegerCount = 0;
  /** Offsets of `\uD800`–`\uDFFF` escapes that are not part of a surrogate pair. */
  readonly loneSurrogates: number[] = [];
  loneSurrogateCount = 0;
  /** A key written again in the same object: where it is again, and where it was first. */
  readonly duplicateKeys: { again: Span; first: number }[] = [];
  duplicateKeyCount = 0;

  placeholder(offset: number): void {
    if (this.placeholderCount++ < KEEP) this.placeholders.push(offset);
  }

  unsafeInteger(start: number, end: number): void {
    if (this.unsafeIntegerCount++ < KEEP) this.unsafeIntegers.push({ start, end });
  }

  duplicateKey(again: Span, first: number): void {
    if (this.duplicateKeyCount++ < KEEP) this.duplicateKeys.push({ again, first });
  }

  loneSurrogate(offset: number): void {
    if (this.loneSurrogateCount++ < KEEP) this.loneSurrogates.push(offset);
  }
}
