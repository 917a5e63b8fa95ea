/**
 * A small JSONPath subset for rule conditions and filters: `$`, `.name`,
 * `['name']`, `[0]`, `[*]` and `.*`. Enough for webhook payloads
 * (`$.campaign_name`, `$[*].id_sms`) without a dependency that evaluates
 * script expressions. In shared/ so the rule editor refuses a path with the
 * core's own parser and words (shared/rule-conditions.ts).
 */
export type PathStep = { kind: 'key'; key: string } | { kind: 'index'; index: number } | { kind: 'wildcard' };

export class JsonPathError extends Error {}

export function parseJsonPath(path: string): PathStep[] {
  const text = path.trim();
  if (!text.startsWith('$'))
    throw new JsonPathError(`A JSON path starts with "$", e.g. $.campaign_name (got "${path}").`);
  const steps: PathStep[] = [];
  let i = 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '.') {
      if (text[i + 1] === '*') {
        steps.push({ kind: 'wildcard' });
        i += 2;
        continue;
      }
      const match = /^[A-Za-z_$][\w$-]*/.exec(text.slice(i + 1));
      if (!match)
        throw new JsonPathError(`Expected a field name after "." at position ${i + 1} of "${path}".`);
      steps.push({ kind: 'key', key: match[0] });
      i += 1 + match[0].length;
    } else if (ch === '[') {
      const close = findClose(text, i);
      const inner = text.slice(i + 1, close).trim();
      if (inner === '*') steps.push({ kind: 'wildcard' });
      else if (/^\d+$/.test(inner)) steps.push({ kind: 'index', index: Number(inner) });
      else if (/^'.*'$|^".*"$/.test(inner)) steps.push({ kind: 'key', key: inner.slice(1, -1) });
      else throw new JsonPathError(`Unsupported selector [${inner}] in "${path}": use [0], [*] or ['name'].`);
      i = close + 1;
    } else {
      throw new JsonPathError(`Unexpected "${ch}" at position ${i} of "${path}".`);
    }
  }
  return steps;
}

function findClose(text: string, open: number): number {
  const close = text.indexOf(']', open);
  if (close === -1) throw new JsonPathError(`Missing "]" in "${text}".`);
  return close;
}

/** Every value the path selects (wildcards fan out). */
export function selectJsonPath(root: unknown, steps: readonly PathStep[]): unknown[] {
  let current: unknown[] = [root];
  for (const step of steps) {
    const next: unknown[] = [];
    for (const value of current) {
      if (step.kind === 'wildcard') {
        if (Array.isArray(value)) next.push(...value);
        else if (isPlainObject(value)) next.push(...Object.values(value));
      } else if (step.kind === 'index') {
        if (Array.isArray(value) && step.index < value.length) next.push(value[step.index]);
      } else if (isPlainObject(value) && Object.hasOwn(value, step.key)) {
        next.push(value[step.key]);
      }
    }
    current = next;
  }
  return current;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && value.constructor === Object;
}
