import { Play } from 'lucide-react';
import { useEffect, useState } from 'react';
import { describeError } from '../../client';
import { useReplay } from '../../state/StoresContext';
import { BulkProgress } from './BulkProgress';
import { parseCount, parseRate, targetFromDraft } from './drafts';
import { Check, Field, RunButton, Section, SimError } from './fields';
import { useFormField } from './useFormField';

/** Counting is a query per keystroke otherwise. */
const COUNT_DELAY_MS = 250;

type Matched =
  | { state: 'counting' }
  | { state: 'counted'; count: number }
  | { state: 'error'; message: string };

function matchedWords(matched: Matched, filter: string): string {
  if (matched.state === 'counting') return 'Counting…';
  if (matched.state === 'error') return matched.message;
  const noun = matched.count === 1 ? 'capture' : 'captures';
  if (filter.trim() === '') return `No filter: all ${matched.count} ${noun}.`;
  return `${matched.count} ${noun} ${matched.count === 1 ? 'matches' : 'match'}.`;
}

/** Every capture matching a filter, sent paced in the background, with live counts. */
export function BulkReplay() {
  const target = useReplay((s) => s.target);
  const bulk = useReplay((s) => s.bulk);
  const startBulk = useReplay((s) => s.startBulk);
  const countMatching = useReplay((s) => s.countMatching);

  const [filter, setFilter] = useFormField('bulk.filter', '');
  const [matched, setMatched] = useState<Matched>({ state: 'counting' });
  const [keepOrder, setKeepOrder] = useFormField('bulk.keepOrder', true);
  const [concurrency, setConcurrency] = useFormField('bulk.concurrency', '4');
  const [rate, setRate] = useFormField('bulk.rate', '');
  const [stopOnFailure, setStopOnFailure] = useFormField('bulk.stopOnFailure', false);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setMatched({ state: 'counting' });
    const timer = setTimeout(() => {
      countMatching(filter).then(
        (count) => live && setMatched({ state: 'counted', count }),
        (failure: unknown) =>
          live &&
          setMatched({ state: 'error', message: describeError(failure, 'The filter could not be read.') }),
      );
    }, COUNT_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [filter, countMatching]);

  const start = async () => {
    setError(null);
    const checked = targetFromDraft(target);
    if (!checked.ok) return setError(checked.error);
    const parallel = keepOrder
      ? { ok: true as const, value: 1 }
      : parseCount(concurrency, 'Concurrency', 500);
    if (!parallel.ok) return setError(parallel.error);
    const perSecond = parseRate(rate);
    if (!perSecond.ok) return setError(perSecond.error);
    setStarting(true);
    try {
      await startBulk({
        ...checked.value,
        ...(filter.trim() === '' ? {} : { filter: filter.trim() }),
        keepOrder,
        concurrency: parallel.value,
        ratePerSecond: perSecond.value,
        stopOnFailure,
      });
    } catch (failure) {
      setError(describeError(failure, 'The bulk replay could not start.'));
    } finally {
      setStarting(false);
    }
  };

  const running = bulk?.state === 'running';
  return (
    <Section title="Many captures">
      <Field
        label="Filter"
        hint={
          <span data-testid="replay-filter-matched" data-state={matched.state}>
            {matchedWords(matched, filter)}
          </span>
        }
      >
        {(id, hintId) => (
          <input
            id={id}
            className="input input-mono"
            value={filter}
            placeholder={'kind:sms-status-batch  path:/hook  $.campaign_name="RND Flow"'}
            spellCheck={false}
            autoComplete="off"
            aria-describedby={hintId}
            aria-invalid={matched.state === 'error' ? true : undefined}
            data-testid="replay-filter-input"
            onChange={(event) => setFilter(event.target.value)}
          />
        )}
      </Field>
      <Check checked={keepOrder} onChange={setKeepOrder} testId="replay-keep-order">
        In captured order, one at a time
      </Check>
      <div className="replay-grid">
        <Field
          label="At once"
          hint={keepOrder ? 'One at a time, to keep the order.' : 'Requests in flight together.'}
        >
          {(id, hintId) => (
            <input
              id={id}
              className="input"
              inputMode="numeric"
              value={keepOrder ? '1' : concurrency}
              disabled={keepOrder}
              autoComplete="off"
              aria-describedby={hintId}
              data-testid="replay-concurrency"
              onChange={(event) => setConcurrency(event.target.value)}
            />
          )}
        </Field>
        <Field label="Per second at most" hint="Empty: no limit.">
          {(id, hintId) => (
            <input
              id={id}
              className="input"
              inputMode="decimal"
              value={rate}
              placeholder="no limit"
              autoComplete="off"
              aria-describedby={hintId}
              data-testid="replay-rate"
              onChange={(event) => setRate(event.target.value)}
            />
          )}
        </Field>
      </div>
      <Check checked={stopOnFailure} onChange={setStopOnFailure} testId="replay-stop-on-failure">
        Stop at the first failure (an error or a non-2xx answer)
      </Check>
      <SimError message={error} onDismiss={() => setError(null)} testId="replay-error" />
      <div className="replay-actions">
        <RunButton
          running={starting}
          disabled={running || matched.state === 'error'}
          onClick={() => void start()}
          testId="replay-bulk-start"
          runningLabel="Starting…"
        >
          <Play size={14} aria-hidden />
          Start bulk replay
        </RunButton>
      </div>
      {bulk && <BulkProgress progress={bulk} />}
    </Section>
  );
}
