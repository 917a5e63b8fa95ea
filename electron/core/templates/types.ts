/**
 * The engine's public types live in shared/templates so the renderer (composer preview,
 * responder editor) can use them without pulling Handlebars or node:crypto into its bundle;
 * re-exported here so the engine and its callers share one definition.
 */
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
} from '../../../shared/templates';
