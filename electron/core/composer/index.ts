/**
 * The composer: request templates rendered against sample state/event data, previewed with the
 * JSON doctor and lint, sent through the core's HTTP client (../http), kept with a history.
 */
export { type BuiltRequest, buildRequest } from './build';
export { type ComposerCommandDeps, createComposerCommands } from './composer-commands';
export { type RenderData, resolveData } from './data';
export { lintRequest } from './lint';
export { COMPOSER_PRESETS, DATA_SET_PRESETS, TEMPLATE_PRESETS } from './presets';
export { checkAcrossDataSets, previewRequest } from './preview';
export { parseComposerRequest } from './validate';
