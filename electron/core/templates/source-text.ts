/**
 * Conversions between Handlebars locations (1-based line, 0-based column) and offsets in the
 * template source, which is what content scanning and output mapping work in.
 */
export class SourceText {
  readonly text: string;
  /** Offset at which each line starts; line N (1-based) starts at lineStarts[N - 1]. */
  private readonly lineStarts: number[];

  constructor(text: string) {
    this.text = text;
    this.lineStarts = [0];
    // The same line breaks as Handlebars' lexer counts: \r\n, \r and \n.
    const breaks = /\r\n?|\n/g;
    for (let match = breaks.exec(text); match !== null; match = breaks.exec(text)) {
      this.lineStarts.push(match.index + match[0].length);
    }
  }

  /** Offset of a Handlebars position (line 1-based, column 0-based). */
  offsetOf(line: number, column: number): number {
    const start = this.lineStarts[Math.min(Math.max(line, 1), this.lineStarts.length) - 1] ?? 0;
    return Math.min(start + column, this.text.length);
  }

  /** 1-based line and column of an offset. */
  positionOf(offset: number): { line: number; column: number } {
    const clamped = Math.min(Math.max(offset, 0), this.text.length);
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.lineStarts[middle] ?? 0) <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: clamped - (this.lineStarts[low] ?? 0) + 1 };
  }
}
