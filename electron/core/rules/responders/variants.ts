import type { HeaderPair } from '../../../../shared/domain';
import type { ResponseVariant, Rule } from '../../../../shared/rules';
import { renderOrError, type TemplateCache } from '../template-cache';
import type { ResponderAnswer } from './types';

/** Picks which of a rule's responses answers this time. */
export function pickVariant(
  responder: Extract<Rule['responder'], { kind: 'responses' }>,
  hitsSoFar: number,
  random: () => number,
): ResponseVariant | null {
  const { responses } = responder;
  if (responses.length === 0) return null;
  switch (responder.mode) {
    case 'sequential':
      // In order, and the last one repeats: [500, 500, 200] is "fail twice, then succeed".
      return responses[Math.min(hitsSoFar, responses.length - 1)] ?? null;
    case 'random':
      return responses[Math.floor(random() * responses.length)] ?? null;
    case 'weighted': {
      const total = responses.reduce((sum, r) => sum + Math.max(0, r.weight), 0);
      if (total <= 0) return responses[0] ?? null;
      let point = random() * total;
      for (const response of responses) {
        point -= Math.max(0, response.weight);
        if (point < 0) return response;
      }
      return responses.at(-1) ?? null;
    }
  }
}

/** Renders a response's header values and body against the request. */
export function renderVariant(
  variant: ResponseVariant,
  context: object,
  templates: TemplateCache,
  ruleName: string,
): ResponderAnswer {
  const headers: HeaderPair[] = [];
  for (const [name, value] of variant.headers) {
    const rendered = value.includes('{{')
      ? renderOrError(templates.get(value, 'text'), context, `Rule "${ruleName}", header ${name}`)
      : { ok: true as const, output: value };
    if (!rendered.ok) return templateFailure(rendered.error);
    headers.push([name, rendered.output]);
  }
  const body = renderOrError(
    templates.get(variant.body, variant.bodyMode),
    context,
    `Rule "${ruleName}", body template`,
  );
  if (!body.ok) return templateFailure(body.error);
  return { status: variant.status, headers, body: body.output };
}

/** A broken template answers 500 with the reason, so the sender sees it too. */
export function templateFailure(error: string): ResponderAnswer {
  return {
    status: 500,
    headers: [['Content-Type', 'application/json; charset=utf-8']],
    body: JSON.stringify({ error: 'template_error', message: error }),
    error,
  };
}
