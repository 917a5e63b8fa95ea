/**
 * Hookbench's template engine: Handlebars-compatible webhook bodies, URLs and headers.
 *
 *   const body = compileTemplate(source, { mode: 'json-safe' });   // once
 *   const { output, problems } = body.render({ state, event, env }); // per request
 *
 * json-safe keeps JSON valid whatever the data holds; raw reproduces the CRM platform's
 * unescaped rendering; text is for URLs and header values. See ./types for the details.
 */
export { compileTemplate, defaultBodyMode, renderTemplate } from './compile';
export { TEMPLATE_HELPERS } from './helpers';
export { seededRandom } from './random';
export { type JsonErrorLocation, locateJsonError, mapOutputOffset } from './source-map';
export type {
  CompiledTemplate,
  CompileOptions,
  HelperDescription,
  MissingPolicy,
  OutputSegment,
  ProblemKind,
  RenderMode,
  RenderOptions,
  RenderResult,
  TemplatePosition,
  TemplateProblem,
} from './types';
