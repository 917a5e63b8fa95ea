import { useCallback, useEffect, useRef, useState } from 'react';
import type { SmsTimeline } from '../../../../shared/domain';
import { describeError } from '../../../client';
import { useCaptures, useInspector } from '../../../state/StoresContext';
import { createThrottledTask } from '../../../state/throttledTask';

/** While captures arrive, the live timeline is rebuilt at most this often (the core reads every batch). */
const LIVE_RELOAD_MS = 1000;

export type TimelineState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; timeline: SmsTimeline };

/**
 * The SMS status timeline of the whole store (or of the batches matching `filter`); `reload` asks
 * again. `live`: rebuilt as captures arrive (throttled), as the gateway's retries come in.
 */
export function useSmsTimeline(
  filter?: string,
  { live = false }: { live?: boolean } = {},
): { state: TimelineState; reload: () => void } {
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

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const total = useCaptures((s) => s.total);
  const shownTotal = useRef(total);
  const [throttled] = useState(() =>
    createThrottledTask(async () => {
      reload();
    }, LIVE_RELOAD_MS),
  );
  useEffect(() => () => throttled.cancel(), [throttled]);
  useEffect(() => {
    if (!live || total === shownTotal.current) return;
    shownTotal.current = total;
    throttled.schedule();
  }, [live, total, throttled]);

  return { state, reload };
}
