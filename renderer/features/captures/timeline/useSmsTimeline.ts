import { useCallback, useEffect, useState } from 'react';
import type { SmsTimeline } from '../../../../shared/domain';
import { describeError } from '../../../client';
import { useInspector } from '../../../state/StoresContext';

export type TimelineState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; timeline: SmsTimeline };

/** The SMS status timeline of the whole store (or of the batches matching `filter`); `reload` asks again. */
export function useSmsTimeline(filter?: string): { state: TimelineState; reload: () => void } {
  const smsTimeline = useInspector((s) => s.smsTimeline);
  const [state, setState] = useState<TimelineState>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` is the trigger: bumping it asks again
  useEffect(() => {
    let current = true;
    setState((old) => (old.status === 'ready' ? old : { status: 'loading' }));
    smsTimeline(filter).then(
      (timeline) => current && setState({ status: 'ready', timeline }),
      (error: unknown) =>
        current &&
        setState({ status: 'error', message: describeError(error, 'Could not build the SMS timeline.') }),
    );
    return () => {
      current = false;
    };
  }, [smsTimeline, filter, generation]);

  return { state, reload: useCallback(() => setGeneration((g) => g + 1), []) };
}
