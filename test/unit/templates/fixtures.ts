/** The CRM platform's documented webhook body ("Mini-game spin issued"), verbatim with its tabs. */
export const SEED_BODY = `{
	"saw_template_id": "{{event.saw_template_id}}",
	"minigame_spins_count": "{{event.minigame_spins_count}}",
	"smartico_user_id": "{{state.user_id}}",
	"user_ext_id": "{{state.user_ext_id}}",
	"user_ext_id_clean": "{{state.user_ext_id_clean}}",
	"brand": "{{state.core_sm_brand_id}}"
}`;

export interface SeedValues {
  saw_template_id: unknown;
  minigame_spins_count: unknown;
  user_id: unknown;
  user_ext_id: unknown;
  user_ext_id_clean: unknown;
  core_sm_brand_id: unknown;
}

export function seedData(values: Partial<SeedValues> = {}) {
  const all: SeedValues = {
    saw_template_id: 1042,
    minigame_spins_count: 3,
    user_id: 987654,
    user_ext_id: 'ext-42',
    user_ext_id_clean: '42',
    core_sm_brand_id: 'brand_x',
    ...values,
  };
  return {
    event: { saw_template_id: all.saw_template_id, minigame_spins_count: all.minigame_spins_count },
    state: {
      user_id: all.user_id,
      user_ext_id: all.user_ext_id,
      user_ext_id_clean: all.user_ext_id_clean,
      core_sm_brand_id: all.core_sm_brand_id,
    },
    env: {},
  };
}

/** Strings that break naive JSON templating, each with why. */
export const ADVERSARIAL_STRINGS: ReadonlyArray<[string, string]> = [
  ['a quote, as in the platform warning', 'My level with " inside'],
  ['backslashes', 'C:\\Users\\bob\\ and a trailing \\'],
  ['an escaped-looking quote', 'ends with \\"'],
  ['newlines and tabs', 'line one\nline two\r\n\tindented'],
  ['control characters', 'nul\u0000 bell\u0007 unit\u001f esc\u001b'],
  ['a closing script tag', '</script><script>alert(1)</script>'],
  ['HTML-escapable characters', `<b> & 'single' = \`tick\``],
  ['emoji (surrogate pairs)', 'spin 🎰 win 🏆👍🏽'],
  ['line and paragraph separators', 'a\u2028b\u2029c'],
  ['a lone surrogate', 'broken \ud83c pair'],
  ['Handlebars-looking text', '{{state.user_id}} {{{x}}}'],
  ['an empty string', ''],
];
