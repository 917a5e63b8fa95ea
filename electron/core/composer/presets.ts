/**
 * Sample data and request templates matching the CRM platform's documentation (the seeds):
 * the WebHook activity's "Mini-game spin issued" body with {{state.…}}/{{event.…}} placeholders,
 * a level upgrade whose level name holds the quote the documentation warns about, and the
 * reverse integration's "asset sent" call (login, time in epoch ms, view_url, channel,
 * campaign_name). A new composer file starts with these, so there is something to send at once.
 */
import type {
  ComposerPresets,
  ComposerRequest,
  DataSet,
  DataSetPreset,
  JsonValue,
  TemplatePreset,
} from '../../../shared/composer';
import { jsonTextOf } from './data';
import { newId } from './validate';

/** A user's state as the platform exposes it to templates (`{{state.…}}`). */
const USER_STATE: { [key: string]: JsonValue } = {
  user_id: 4512873,
  user_ext_id: '100234',
  user_ext_id_clean: '100234',
  core_sm_brand_id: 3,
  user_country: 'MT',
  user_language: 'EN',
  level_name: 'Silver',
};

/** The documentation's example of a value that breaks platform-rendered JSON. */
export const QUOTED_LEVEL_NAME = 'My level with " inside';

export const DATA_SET_PRESETS: readonly DataSetPreset[] = [
  {
    id: 'minigame-spin',
    name: 'Mini-game spin issued',
    description: 'A user got a mini-game spin attempt: the trigger of the documented WebHook example.',
    state: USER_STATE,
    event: { saw_template_id: 1204, minigame_spins_count: 3 },
  },
  {
    id: 'level-upgraded',
    name: 'Level upgraded (quote in the name)',
    description:
      'The user moved up a level whose name holds a quote; in platform (raw) mode it breaks the JSON.',
    state: { ...USER_STATE, level_name: QUOTED_LEVEL_NAME },
    event: { level_id: 7, previous_level_id: 6 },
  },
  {
    id: 'asset-sent',
    name: 'Asset sent (reverse integration)',
    description: 'The platform sent an SMS to the user; the reverse integration reports it to your endpoint.',
    state: USER_STATE,
    event: {
      login: '100234',
      time: 1664115803000,
      view_url: 'https://crm.example.com/view/asset/8c1f2e07',
      channel: 'SMS',
      campaign_name: 'RND Flow',
    },
  },
];

/** The WebHook activity's documented body, verbatim (tabs included). */
export const MINIGAME_BODY = `{
	"saw_template_id": "{{event.saw_template_id}}",
	"minigame_spins_count": "{{event.minigame_spins_count}}",
	"smartico_user_id": "{{state.user_id}}",
	"user_ext_id": "{{state.user_ext_id}}",
	"user_ext_id_clean": "{{state.user_ext_id_clean}}",
	"brand": "{{state.core_sm_brand_id}}"
}`;

/** The reverse integration's documented body; `time` is a bare number there (epoch milliseconds). */
export const REVERSE_BODY = `{
  "login": "{{event.login}}",
  "time": {{event.time}},
  "view_url": "{{event.view_url}}",
  "channel": "{{event.channel}}",
  "campaign_name": "{{event.campaign_name}}"
}`;

export const LEVEL_BODY = `{
  "user_ext_id": "{{state.user_ext_id}}",
  "level_id": "{{event.level_id}}",
  "level_name": "{{state.level_name}}"
}`;

export const TEMPLATE_PRESETS: readonly TemplatePreset[] = [
  {
    id: 'webhook-minigame',
    name: 'WebHook: mini-game spin issued',
    description: 'The platform documentation’s WebHook body, every value quoted as it advises.',
    method: 'POST',
    contentType: 'application/json',
    urlTemplate: '{{env.BASE_URL}}/hooks/minigame',
    bodyTemplate: MINIGAME_BODY,
    dataSetPresetId: 'minigame-spin',
  },
  {
    id: 'webhook-level',
    name: 'WebHook: level upgraded',
    description: 'Sends the level name: fine in json-safe mode, broken JSON in the platform’s raw mode.',
    method: 'POST',
    contentType: 'application/json',
    urlTemplate: '{{env.BASE_URL}}/hooks/level',
    bodyTemplate: LEVEL_BODY,
    dataSetPresetId: 'level-upgraded',
  },
  {
    id: 'reverse-asset-sent',
    name: 'Reverse integration: asset sent',
    description:
      'The call the platform makes each time it sends an email, SMS or push (POST JSON, or GET query).',
    method: 'POST',
    contentType: 'application/json',
    urlTemplate: '{{env.BASE_URL}}/users/communications',
    bodyTemplate: REVERSE_BODY,
    dataSetPresetId: 'asset-sent',
  },
];

export const COMPOSER_PRESETS: ComposerPresets = {
  dataSets: [...DATA_SET_PRESETS],
  templates: [...TEMPLATE_PRESETS],
};

/** Points at Hookbench's own receiver (default port), so the examples land in the capture list. */
export const DEFAULT_ENV = { BASE_URL: 'http://127.0.0.1:7700' };
export const EXAMPLES_COLLECTION = 'Examples';

/** The starter data sets and requests of a new composer file, with fresh ids. */
export function starterComposer(): { dataSets: DataSet[]; requests: ComposerRequest[] } {
  const ids = new Map(DATA_SET_PRESETS.map((preset) => [preset.id, newId('data')]));
  const dataSets = DATA_SET_PRESETS.map((preset) => ({
    id: ids.get(preset.id) as string,
    name: preset.name,
    stateText: jsonTextOf(preset.state),
    eventText: jsonTextOf(preset.event),
  }));
  const requests = TEMPLATE_PRESETS.map(
    (preset): ComposerRequest => ({
      id: newId('req'),
      name: preset.name,
      collection: EXAMPLES_COLLECTION,
      method: preset.method,
      urlTemplate: preset.urlTemplate,
      headers: [],
      bodyTemplate: preset.bodyTemplate,
      bodyMode: 'json-safe',
      contentType: preset.contentType,
      auth: { kind: 'none' },
      timeoutMs: 10_000,
      followRedirects: false,
      verifyTls: true,
      dataSetId: ids.get(preset.dataSetPresetId) ?? null,
    }),
  );
  return { dataSets, requests };
}
