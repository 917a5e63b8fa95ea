import { useCallback, useEffect, useMemo } from 'react';
import type { TemplateMode } from '../../../shared/rules';
import type { HelperDescription } from '../../../shared/templates';
import { describeError } from '../../client';
import { useRules } from '../../state/StoresContext';
import type { EditorProblem } from '../../ui/editor/diagnostics';
import type { TemplateVariable } from '../../ui/editor/TemplateHelp';
import type { EditorCompletion } from '../../ui/editor/templateCompletions';

/** What a response template can read, as the core builds it for every request. */
export const REQUEST_VARIABLES: readonly TemplateVariable[] = [
  { name: 'request.method', description: 'The method, upper case: POST.' },
  { name: 'request.path', description: 'The path without the query string: /sms/status.' },
  { name: 'request.url', description: 'The path with the query string, as received.' },
  { name: 'request.params.name', description: 'A :name segment captured by a pattern path.' },
  { name: 'request.query.name', description: 'A query parameter (a list when repeated).' },
  { name: 'request.headers.name', description: 'A header, by its lower-case name: request.headers.x-trace.' },
  {
    name: 'request.body',
    description:
      'The parsed JSON body (big numbers stay exact), or the fields of a form body: request.body.name, request.body.[0].id_sms.',
  },
  { name: 'request.rawBody', description: 'The body as text, exactly as received.' },
];

const BLOCK_KEYWORDS: readonly EditorCompletion[] = [
  { label: 'else', kind: 'keyword', detail: 'inside #if / #each' },
  { label: 'this', kind: 'keyword', detail: 'the current item in #each' },
  { label: '@index', kind: 'keyword', detail: 'position in #each' },
];

function completionsFor(helpers: readonly HelperDescription[] | null): EditorCompletion[] {
  const variables = REQUEST_VARIABLES.map(
    (variable): EditorCompletion => ({
      label: variable.name.replace(/\.name$/, '.'),
      kind: 'variable',
      info: variable.description,
    }),
  );
  const helperItems = (helpers ?? []).map(
    (helper): EditorCompletion => ({
      label: helper.name,
      kind: 'helper',
      detail: helper.signature,
      info: `${helper.description} ${helper.example}`,
    }),
  );
  return [...variables, ...helperItems, ...BLOCK_KEYWORDS];
}

/** checkTemplate, the helper list and the completions, for a response template editor. */
export function useTemplateSupport(mode: TemplateMode) {
  const checkTemplate = useRules((s) => s.checkTemplate);
  const helpers = useRules((s) => s.helpers);
  const loadHelpers = useRules((s) => s.loadHelpers);

  useEffect(() => {
    void loadHelpers();
  }, [loadHelpers]);

  const check = useCallback(
    async (source: string): Promise<EditorProblem[]> => {
      try {
        const problems = await checkTemplate(source, mode);
        return problems.map((problem) => ({
          line: problem.line,
          column: problem.column,
          message: problem.message,
          severity: problem.severity,
        }));
      } catch (error) {
        throw new Error(describeError(error, 'The template could not be checked.'));
      }
    },
    [checkTemplate, mode],
  );

  const completions = useMemo(() => completionsFor(helpers), [helpers]);
  return { check, helpers, completions };
}
