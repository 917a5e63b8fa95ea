import { useCallback, useEffect, useRef, useState } from 'react';
import type { CommandRequest } from '../../../../shared/contract';
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
 * The SMS status timeline of the whole store, or as `request` narrows it (a capture's ids, ids
 * containing some text, the batches matching a filter); `reload` asks again. `live`: rebuilt as
 * captures arrive (throttled), as the gateway's retries come in. Null asks for nothing.
 */
export function useSmsTimeline(
  request: CommandRequest<'getSmsTimeline'> | null = {},
  { live = false }: { live?: boolean } = {},
): { state: TimelineState; reload: () => void } {
  const smsTimeline = useInspector((s) => s.smsTimeline);
  const [state, setState] = useState<TimelineState>({ status: 'loading' });
  // Only the newest load's answer is shown (an older one can answer later).
  const latest = useRef(0);

  // A new object each render must not mean a new question: the text of the request says.
  const asked = request === null ? null : JSON.stringify(request);

  /** Asks the core again; resolves when its answer is shown (or superseded). */
  const load = useCallback(async (): Promise<void> => {
    if (asked === null) return;
    const ticket = ++latest.current;
    setState((old) => (old.status === 'ready' ? old : { status: 'loading' }));
    try {
      const timeline = await smsTimeline(JSON.parse(asked) as CommandRequest<'getSmsTimeline'>);
      if (ticket === latest.current) setState({ status: 'ready', timeline });
    } catch (error) {
      if (ticket === latest.current)
        setState({ status: 'error', message: describeError(error, 'Could not build the SMS timeline.') });
    }
  }, [smsTimeline, asked]);

  useEffect(() => {
    void load();
    return () => {
      latest.current += 1;
    };
  }, [load]);

  const reload = useCallback(() => void load(), [load]);
  const total = useCaptures((s) => s.total);
  const shownTotal = useRef(total);
  const loadRef = useRef(load);
  loadRef.current = load;
  // A live rebuild waits for its answer: a slow build on a large store is not asked for again
  // before it has answered (ThrottledTask queues at most one more).
  const [throttled] = useState(() => createThrottledTask(() => loadRef.current(), LIVE_RELOAD_MS));
  useEffect(() => () => throttled.cancel(), [throttled]);
  useEffect(() => {
    if (!live || total === shownTotal.current) return;
    shownTotal.current = total;
    throttled.schedule();
  }, [live, total, throttled]);

  return { state, reload };
}
