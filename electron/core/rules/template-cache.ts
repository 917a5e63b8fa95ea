import type { TemplateMode } from '../../../shared/rules';
import { compileTemplate } from '../templates/index';
import type { CompiledTemplate, RenderMode } from '../templates/types';

/**
 * Compiled response templates, keyed by their text and mode. Rules change
 * rarely and requests arrive often, so each template compiles once.
 */
export class TemplateCache {
  private readonly compiled = new Map<string, CompiledTemplate>();

  get(source: string, mode: TemplateMode | 'text'): CompiledTemplate {
    const key = `${mode}\u0000${source}`;
    let template = this.compiled.get(key);
    if (!template) {
      // Absent request fields are normal for a responder, so they render empty without a report.
      template = compileTemplate(source, { mode: mode as RenderMode, missing: 'empty' });
      if (this.compiled.size > 2000) this.compiled.clear();
      this.compiled.set(key, template);
    }
    return template;
  }

  clear(): void {
    this.compiled.clear();
  }
}

/** Renders a template; the first error, in plain words with its position, or the output. */
export function renderOrError(
  template: CompiledTemplate,
  data: object,
  label: string,
): { ok: true; output: string } | { ok: false; error: string } {
  const result = template.render(data);
  const problem = result.problems.find((p) => p.severity === 'error');
  if (problem) {
    return {
      ok: false,
      error: `${label}: line ${problem.line}, column ${problem.column}: ${problem.message}`,
    };
  }
  return { ok: true, output: result.output };
}
