import { useEffect, useRef, useState } from 'react';
import type { EditorProblem, EditorProblems } from './diagnostics';

export interface CheckOutcome {
  /** The latest answer, with the text it was for; null before the first answer. */
  problems: EditorProblems | null;
  /** Why the check itself failed (not a problem in the text), or null. */
  error: string | null;
}

/**
 * Checks `source` once typing pauses for `delayMs`. Answers that arrive after a
 * newer check started are dropped, so a slow answer never overwrites a fresh one.
 * `check` should be stable (or cheap to recreate): a new function re-runs the check.
 */
export function useDebouncedCheck(
  source: string,
  check: (source: string) => Promise<readonly EditorProblem[]>,
  delayMs = 250,
): CheckOutcome {
  const [outcome, setOutcome] = useState<CheckOutcome>({ problems: null, error: null });
  const generation = useRef(0);

  useEffect(() => {
    const current = ++generation.current;
    const timer = setTimeout(() => {
      check(source).then(
        (items) => {
          if (current === generation.current) setOutcome({ problems: { source, items }, error: null });
        },
        (error: unknown) => {
          if (current !== generation.current) return;
          const message = error instanceof Error && error.message ? error.message : 'The check failed.';
          setOutcome({ problems: null, error: message });
        },
      );
    }, delayMs);
    return () => clearTimeout(timer);
  }, [source, check, delayMs]);

  return outcome;
}
