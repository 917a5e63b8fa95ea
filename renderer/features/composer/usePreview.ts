import { useEffect, useMemo, useRef, useState } from 'react';
import type { ComposerEnv, ComposerRequestDraft, DataSource, RequestPreview } from '../../../shared/composer';
import { describeError } from '../../client';
import { useComposer } from '../../state/StoresContext';
import { type DataTextProblem, dataTextProblem } from './composerFormat';
import { dataSourceOf, envFromRows } from './drafts';

/** How long edits must pause before the preview is asked for again. */
export const PREVIEW_DELAY_MS = 250;

export interface PreviewOutcome {
  /** The latest preview that rendered; kept while a newer one is pending or failed. */
  preview: RequestPreview | null;
  /** The body template `preview` was rendered from, so underlines are only drawn on that text. */
  bodySource: string | null;
  /** Why the latest preview could not be made (bad data JSON, a refused field), or null. */
  error: string | null;
  /** Where the data texts do not parse, when that is why, with the text it was found in. */
  dataProblem: (DataTextProblem & { source: string }) | null;
  pending: boolean;
}

interface PreviewArgs {
  request: ComposerRequestDraft;
  data: DataSource | null;
  env: ComposerEnv;
}

const EMPTY: PreviewOutcome = {
  preview: null,
  bodySource: null,
  error: null,
  dataProblem: null,
  pending: false,
};

/**
 * The editor's request rendered by the core as the user types: debounced, and answers that
 * arrive after a newer request started are dropped, so a slow answer never shows stale text.
 */
export function usePreview(): PreviewOutcome {
  const draft = useComposer((s) => s.draft);
  const data = useComposer((s) => s.data);
  const envRows = useComposer((s) => s.envRows);
  const preview = useComposer((s) => s.preview);
  // Nothing is in the editor before the first load: no point rendering the placeholder.
  const opened = useComposer((s) => s.opened);
  const [outcome, setOutcome] = useState<PreviewOutcome>(EMPTY);
  const generation = useRef(0);

  // Objects change identity on every edit; their text says whether anything really changed.
  const key = useMemo(
    () =>
      JSON.stringify({
        request: draft,
        data: dataSourceOf(data),
        env: envFromRows(envRows),
      } satisfies PreviewArgs),
    [draft, data, envRows],
  );

  useEffect(() => {
    const current = ++generation.current;
    if (!opened) return;
    setOutcome((previous) => ({ ...previous, pending: true }));
    const timer = setTimeout(() => {
      const { request, data: source, env } = JSON.parse(key) as PreviewArgs;
      preview(request, source, env).then(
        (result) => {
          if (current !== generation.current) return;
          setOutcome({
            preview: result,
            bodySource: request.bodyTemplate,
            error: null,
            dataProblem: null,
            pending: false,
          });
        },
        (error: unknown) => {
          if (current !== generation.current) return;
          const message = describeError(error, 'Could not preview this request.');
          const problem = dataTextProblem(message);
          const texts = source !== null && 'stateText' in source ? source : null;
          setOutcome((previous) => ({
            ...previous,
            error: message,
            dataProblem:
              problem && texts
                ? { ...problem, source: problem.target === 'state' ? texts.stateText : texts.eventText }
                : null,
            pending: false,
          }));
        },
      );
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [key, preview, opened]);

  return outcome;
}
