import { describe, expect, it } from 'vitest';
import { DATA_SET_PRESETS, LEVEL_BODY, TEMPLATE_PRESETS } from '../../../electron/core/composer/presets';
import { checkAcrossDataSets, previewRequest } from '../../../electron/core/composer/preview';
import { composerRequest, presetData, presetDataSets } from './helpers';

const ENV = { BASE_URL: 'http://127.0.0.1:7700' };

describe('presets', () => {
  it.each(TEMPLATE_PRESETS.map((t) => [t.name, t] as const))(
    '%s renders its data set into valid JSON in json-safe mode',
    (_name, template) => {
      const preview = previewRequest(
        composerRequest({ urlTemplate: template.urlTemplate, bodyTemplate: template.bodyTemplate }),
        presetData(template.dataSetPresetId, ENV),
      );
      expect(preview.problems).toEqual([]);
      expect(preview.diagnosis).toMatchObject({ valid: true, kind: 'json', topLevel: 'object' });
      expect(preview.jsonError).toBeNull();
      expect(preview.sendable).toBe(true);
      expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:7700\//);
    },
  );

  it('renders the seed mini-game body as the documentation shows it: every value a string', () => {
    const preview = previewRequest(
      composerRequest({ bodyTemplate: TEMPLATE_PRESETS[0]?.bodyTemplate ?? '' }),
      presetData('minigame-spin'),
    );
    expect(JSON.parse(preview.body)).toEqual({
      saw_template_id: '1204',
      minigame_spins_count: '3',
      smartico_user_id: '4512873',
      user_ext_id: '100234',
      user_ext_id_clean: '100234',
      brand: '3',
    });
  });

  it('gives the reverse integration its documented fields, time in epoch milliseconds', () => {
    const preview = previewRequest(
      composerRequest({ bodyTemplate: TEMPLATE_PRESETS[2]?.bodyTemplate ?? '' }),
      presetData('asset-sent'),
    );
    expect(JSON.parse(preview.body)).toEqual({
      login: '100234',
      time: 1664115803000,
      view_url: 'https://crm.example.com/view/asset/8c1f2e07',
      channel: 'SMS',
      campaign_name: 'RND Flow',
    });
  });

  it('holds the documentation’s level name with a quote', () => {
    const level = DATA_SET_PRESETS.find((p) => p.id === 'level-upgraded');
    expect(level?.state).toMatchObject({ level_name: 'My level with " inside' });
  });
});

describe('the doctor’s error position, mapped back to the template', () => {
  it('points a raw-mode break at the {{state.level_name}} tag, line 4 column 18', () => {
    const preview = previewRequest(
      composerRequest({ bodyTemplate: LEVEL_BODY, bodyMode: 'raw' }),
      presetData('level-upgraded'),
    );
    expect(preview.diagnosis?.valid).toBe(false);
    expect(preview.jsonError).toEqual({
      message: "Expected ',' or '}' after a property value, found 'i'",
      outputLine: 4,
      outputColumn: 34,
      line: 4,
      column: 18,
      path: 'state.level_name',
    });
  });

  it('points an error in literal template text at the exact character, past multi-byte values', () => {
    // A trailing comma in the template itself; the emoji before it shifts bytes, not characters.
    const template = '{\n  "name": "{{event.name}}",\n  "n": 1,\n}';
    const preview = previewRequest(composerRequest({ bodyTemplate: template }), {
      state: {},
      event: { name: 'Spin 🎰 café' },
      env: {},
    });
    expect(preview.diagnosis?.valid).toBe(false);
    expect(preview.jsonError).toMatchObject({ line: 4, column: 1 });
    expect(preview.jsonError?.path).toBeUndefined();
  });

  it('warns before sending when a JSON-escaped backslash before a tag reaches the output as one', () => {
    const preview = previewRequest(composerRequest({ bodyTemplate: String.raw`{"p":"C:\\{{state.dir}}"}` }), {
      state: { dir: 'Users' },
      event: {},
      env: {},
    });
    expect(preview.problems).toMatchObject([
      { part: 'body', kind: 'json-context', severity: 'warning', line: 1, column: 9, path: 'state.dir' },
    ]);
    expect(preview.problems[0]?.message).toContain(String.raw`Write \\\{{state.dir}} instead`);
    // The doctor names the broken escape too; the warning says why it is there.
    expect(preview.diagnosis?.valid).toBe(false);
  });

  it('diagnoses nothing for a body that is not JSON', () => {
    const preview = previewRequest(
      composerRequest({ contentType: 'text/plain', bodyTemplate: 'hello {{state.user_ext_id}}' }),
      presetData('minigame-spin'),
    );
    expect(preview.body).toBe('hello 100234');
    expect(preview.diagnosis).toBeNull();
    expect(preview.lint).toEqual([]);
  });
});

describe('one template against several data sets', () => {
  it('tells which data sets break it, in its mode and in raw mode', () => {
    const checks = checkAcrossDataSets(composerRequest({ bodyTemplate: LEVEL_BODY }), presetDataSets(), ENV);
    expect(checks.map((c) => [c.dataSetId, c.valid, c.validRaw])).toEqual([
      ['minigame-spin', true, true],
      ['level-upgraded', true, false],
      ['asset-sent', true, true],
    ]);
    expect(checks[0]?.firstProblem).toMatchObject({
      message: expect.stringContaining('event.level_id'),
      line: 3,
    });
    expect(checks[1]?.firstProblem?.message).toMatch(/state\.level_name .* contains a quote/);
  });

  it('is invalid, with the mapped JSON error first, when the request mode itself breaks', () => {
    const checks = checkAcrossDataSets(
      composerRequest({ bodyTemplate: LEVEL_BODY, bodyMode: 'raw' }),
      presetDataSets(),
      ENV,
    );
    expect(checks[1]).toMatchObject({
      valid: false,
      validRaw: false,
      firstProblem: { line: 4, column: 18, message: expect.stringContaining('(in state.level_name)') },
    });
  });
});
