import type { RenderData } from '../../../electron/core/composer/data';
import { DATA_SET_PRESETS } from '../../../electron/core/composer/presets';
import { parseComposerRequest } from '../../../electron/core/composer/validate';
import type { ComposerRequest, DataSet } from '../../../shared/composer';

/** A request with defaults filled in; any field overridable. */
export function composerRequest(overrides: Partial<ComposerRequest> = {}): ComposerRequest {
  return parseComposerRequest({
    id: 'req-test',
    name: 'Test request',
    urlTemplate: 'http://127.0.0.1:7700/hook',
    ...overrides,
  });
}

export function presetData(id: string, env: Record<string, string> = {}): RenderData {
  const preset = DATA_SET_PRESETS.find((p) => p.id === id);
  if (!preset) throw new Error(`no preset ${id}`);
  return { state: preset.state, event: preset.event, env };
}

export function presetDataSets(): DataSet[] {
  return DATA_SET_PRESETS.map(({ id, name, state, event }) => ({
    id,
    name,
    stateText: JSON.stringify(state),
    eventText: JSON.stringify(event),
  }));
}
