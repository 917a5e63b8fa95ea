const BYTES_PER_LINE = 16;
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

function printable(byte: number): string {
  return byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.';
}

/**
 * The classic `hexdump -C` layout: offset, 16 bytes in two groups of eight,
 * then the same bytes as ASCII with non-printables shown as dots.
 */
export function hexDump(bytes: Uint8Array, startOffset = 0): string {
  const lines: string[] = [];
  for (let lineStart = 0; lineStart < bytes.length; lineStart += BYTES_PER_LINE) {
    let hex = '';
    let ascii = '';
    for (let i = 0; i < BYTES_PER_LINE; i += 1) {
      const index = lineStart + i;
      if (i === 8) hex += ' ';
      if (index < bytes.length) {
        const byte = bytes[index] ?? 0;
        hex += `${HEX[byte]} `;
        ascii += printable(byte);
      } else {
        hex += '   ';
      }
    }
    const offset = (startOffset + lineStart).toString(16).padStart(8, '0');
    lines.push(`${offset}  ${hex} |${ascii}|`);
  }
  return lines.join('\n');
}
