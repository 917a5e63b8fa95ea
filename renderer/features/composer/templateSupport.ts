import { useEffect, useMemo } from 'react';
import type { HelperDescription } from '../../../shared/templates';
import { useComposer, useRules } from '../../state/StoresContext';
import type { TemplateVariable } from '../../ui/editor/TemplateHelp';
import type { EditorCompletion } from '../../ui/editor/templateCompletions';

/** What a composer template can read, as the platform's WebHook activity exposes it. */
export const COMPOSER_VARIABLES: readonly TemplateVariable[] = [
  { name: 'state.name', description: 'A property of the user state, e.g. state.user_ext_id.' },
  {
    name: 'event.name',
    description: 'A field of the event that triggered the call, e.g. event.saw_template_id.',
  },
  {
    name: 'env.NAME',
    description: 'An env variable of this workspace (base URLs, tokens), e.g. env.BASE_URL.',
  },
];

export const MODE_HELP = {
  'json-safe':
    'JSON-safe: a value inside a JSON string is escaped (a quote becomes \\"); outside strings it becomes a JSON value, so the body stays valid JSON.',
  raw: 'Platform-compatible (raw): values are inserted exactly as they are, as the platform does — a quote in a name breaks the JSON, as it would in production.',
} as const;

/** Deep enough for the platform's flat state and event objects, shallow enough to stay a short list. */
const MAX_DEPTH = 3;

/** Every object path in a JSON text (`state.user_ext_id`, `event.level.id`); none when it does not parse. */
export function dataPaths(root: 'state' | 'event', text: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  const paths: string[] = [];
  const walk = (node: unknown, prefix: string, depth: number) => {
    if (depth > MAX_DEPTH || typeof node !== 'object' || node === null || Array.isArray(node)) return;
    for (const [key, child] of Object.entries(node)) {
      // A key Handlebars cannot reach with a plain path would complete to a broken tag.
      if (!/^[A-Za-z_$][\w$-]*$/.test(key)) continue;
      paths.push(`${prefix}.${key}`);
      walk(child, `${prefix}.${key}`, depth + 1);
    }
  };
  walk(value, root, 1);
  return paths;
}

function helperCompletions(helpers: readonly HelperDescription[] | null): EditorCompletion[] {
  return (helpers ?? []).map((helper) => ({
    label: helper.name,
    kind: 'helper',
    detail: helper.signature,
    info: `${helper.description} ${helper.example}`,
  }));
}

/** The helper descriptions and the names offered inside `{{`, from the data and env on screen. */
export function useComposerTemplateSupport() {
  // The rules store already loads the helper list once for the responder editors; reuse it.
  const helpers = useRules((s) => s.helpers);
  const loadHelpers = useRules((s) => s.loadHelpers);
  const stateText = useComposer((s) => s.data.stateText);
  const eventText = useComposer((s) => s.data.eventText);
  const envRows = useComposer((s) => s.envRows);

  useEffect(() => {
    void loadHelpers();
  }, [loadHelpers]);

  const completions = useMemo((): EditorCompletion[] => {
    const variables = [
      ...dataPaths('state', stateText),
      ...dataPaths('event', eventText),
      ...envRows.filter(([name]) => name.trim() !== '').map(([name]) => `env.${name.trim()}`),
    ].map((label): EditorCompletion => ({ label, kind: 'variable' }));
    return [...variables, ...helperCompletions(helpers)];
  }, [stateText, eventText, envRows, helpers]);

  return { helpers, completions };
}
