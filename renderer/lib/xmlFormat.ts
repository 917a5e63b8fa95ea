/**
 * Re-indents XML text without a DOM (workers have no DOMParser): tags, comments,
 * CDATA and processing instructions are kept exactly as written, only the
 * whitespace between them changes. An element holding nothing but text stays on
 * one line. Returns null when the tags do not nest, so the caller shows the text.
 */

type Token =
  | { kind: 'open'; text: string; name: string }
  | { kind: 'close'; text: string; name: string }
  | { kind: 'self'; text: string }
  | { kind: 'other'; text: string }
  | { kind: 'text'; text: string };

const NAME = /^<\/?\s*([^\s/>]+)/;

/** Index just past the tag starting at `start` (a `<`), honouring quoted attribute values. */
function tagEnd(xml: string, start: number): number {
  let quote: string | null = null;
  for (let i = start + 1; i < xml.length; i += 1) {
    const ch = xml[i];
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '>') {
      return i + 1;
    }
  }
  return -1;
}

function doctypeEnd(xml: string, start: number): number {
  // <!DOCTYPE x [ <!ENTITY …> ]> — the internal subset holds `>` of its own.
  let depth = 0;
  for (let i = start; i < xml.length; i += 1) {
    const ch = xml[i];
    if (ch === '[') depth += 1;
    else if (ch === ']') depth -= 1;
    else if (ch === '>' && depth <= 0) return i + 1;
  }
  return -1;
}

function tokenize(xml: string): Token[] | null {
  const tokens: Token[] = [];
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt !== i) {
      const end = lt === -1 ? xml.length : lt;
      tokens.push({ kind: 'text', text: xml.slice(i, end) });
      i = end;
      continue;
    }
    let end: number;
    if (xml.startsWith('<!--', i)) end = xml.indexOf('-->', i + 4) + 3;
    else if (xml.startsWith('<![CDATA[', i)) end = xml.indexOf(']]>', i + 9) + 3;
    else if (xml.startsWith('<?', i)) end = xml.indexOf('?>', i + 2) + 2;
    else if (xml.startsWith('<!', i)) end = doctypeEnd(xml, i);
    else end = tagEnd(xml, i);
    if (end <= i) return null;
    const text = xml.slice(i, end);
    i = end;
    if (text.startsWith('<!') || text.startsWith('<?')) {
      tokens.push({ kind: text.startsWith('<![CDATA[') ? 'text' : 'other', text });
      continue;
    }
    const name = NAME.exec(text)?.[1];
    if (!name) return null;
    if (text.startsWith('</')) tokens.push({ kind: 'close', text, name });
    else if (text.endsWith('/>')) tokens.push({ kind: 'self', text });
    else tokens.push({ kind: 'open', text, name });
  }
  return tokens;
}

export function formatXml(xml: string, indent = '  '): string | null {
  const tokens = tokenize(xml);
  if (!tokens) return null;
  const lines: string[] = [];
  const stack: string[] = [];
  const pad = () => indent.repeat(stack.length);
  let sawElement = false;
  for (let t = 0; t < tokens.length; t += 1) {
    const token = tokens[t] as Token;
    switch (token.kind) {
      case 'text': {
        const text = token.text.trim();
        if (text !== '') lines.push(pad() + text);
        break;
      }
      case 'other':
      case 'self':
        if (token.kind === 'self') sawElement = true;
        lines.push(pad() + token.text);
        break;
      case 'open': {
        sawElement = true;
        const text = tokens[t + 1];
        const close = tokens[t + 2];
        // <a>text</a> reads best on one line.
        if (text?.kind === 'text' && close?.kind === 'close' && close.name === token.name) {
          lines.push(pad() + token.text + text.text.trim() + close.text);
          t += 2;
          break;
        }
        if (text?.kind === 'close' && text.name === token.name) {
          lines.push(pad() + token.text + text.text);
          t += 1;
          break;
        }
        lines.push(pad() + token.text);
        stack.push(token.name);
        break;
      }
      case 'close':
        if (stack.pop() !== token.name) return null;
        lines.push(pad() + token.text);
        break;
    }
  }
  if (stack.length > 0 || !sawElement) return null;
  return lines.join('\n');
}
