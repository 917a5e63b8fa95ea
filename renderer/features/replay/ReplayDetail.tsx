import { GitCompareArrows, LoaderCircle } from 'lucide-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReplayRecord, ResponseDiff, ResponseRef } from '../../../shared/replay';
import { describeError } from '../../client';
import { useReplay } from '../../state/StoresContext';
import { Notice } from '../../ui/Notice';
import { ExchangeView } from './ExchangeView';
import { ResponseDiffView } from './ResponseDiffView';
import { useFormField } from './useFormField';

type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; message: string };

/** Asks the core to compare two responses; `run` starts (or repeats) it. */
function useComparison() {
  const compare = useReplay((s) => s.compare);
  const [diff, setDiff] = useState<Loaded<ResponseDiff> | null>(null);
  // Only the latest comparison may land: an older answer arriving late would show the wrong pair.
  const generation = useRef(0);
  const run = useCallback(
    (left: ResponseRef, right: ResponseRef) => {
      const mine = ++generation.current;
      setDiff({ state: 'loading' });
      compare(left, right).then(
        (value) => mine === generation.current && setDiff({ state: 'ready', value }),
        (error: unknown) =>
          mine === generation.current &&
          setDiff({ state: 'error', message: describeError(error, 'The responses could not be compared.') }),
      );
    },
    [compare],
  );
  return { diff, run };
}

function DiffState({ diff }: { diff: Loaded<ResponseDiff> | null }) {
  if (!diff) return null;
  if (diff.state === 'loading') {
    return (
      <p className="muted replay-inline">
        <LoaderCircle size={14} className="spin" aria-hidden /> Comparing…
      </p>
    );
  }
  if (diff.state === 'error') return <Notice>{diff.message}</Notice>;
  return <ResponseDiffView diff={diff.value} />;
}

/** One replay: the exchange, and its answer compared with what Hookbench answered when it was captured. */
export function ReplayDetail({ replayId }: { replayId: number }) {
  const getReplay = useReplay((s) => s.getReplay);
  const [record, setRecord] = useState<Loaded<ReplayRecord | null>>({ state: 'loading' });
  const { diff, run } = useComparison();
  // Which replay's comparison is open, kept in the store: it is open again after leaving the screen.
  const [compared, setCompared] = useFormField<number | null>('detail.compared', null);
  const loaded = record.state === 'ready' ? record.value : null;
  const compareLoaded = useCallback(() => {
    if (loaded) run({ kind: 'capture', id: loaded.captureId }, { kind: 'replay', id: loaded.id });
  }, [loaded, run]);
  const comparing = loaded !== null && compared === loaded.id;
  useEffect(() => {
    if (comparing) compareLoaded();
  }, [comparing, compareLoaded]);

  useEffect(() => {
    let live = true;
    setRecord({ state: 'loading' });
    getReplay(replayId).then(
      (value) => live && setRecord({ state: 'ready', value }),
      (error: unknown) =>
        live && setRecord({ state: 'error', message: describeError(error, 'Could not load the replay.') }),
    );
    return () => {
      live = false;
    };
  }, [replayId, getReplay]);

  if (record.state === 'loading') {
    return (
      <p className="muted replay-inline replay-detail">
        <LoaderCircle size={14} className="spin" aria-hidden /> Loading the replay…
      </p>
    );
  }
  if (record.state === 'error') return <Notice>{record.message}</Notice>;
  const replay = record.value;
  if (!replay) return <p className="muted replay-detail">Replay #{replayId} no longer exists.</p>;

  return (
    <div className="replay-detail" data-testid="replay-detail">
      <div className="replay-detail-head">
        <h2 className="replay-section-title">
          Replay #{replay.id} of capture #{replay.captureId}
        </h2>
        {replay.edited && <span className="replay-badge">edited</span>}
        {replay.batchId && <span className="replay-badge">bulk run</span>}
        <button
          type="button"
          className="button button-small"
          data-testid="replay-compare"
          onClick={() => (comparing ? compareLoaded() : setCompared(replay.id))}
        >
          <GitCompareArrows size={14} aria-hidden />
          Compare with the original answer
        </button>
      </div>
      <DiffState diff={diff} />
      <ExchangeView exchange={replay.exchange} />
    </div>
  );
}

/** Two replays' answers side by side (e.g. the same captures against build A and build B). */
export function ReplayPairDiff({ left, right }: { left: number; right: number }) {
  const { diff, run } = useComparison();
  const results = useReplay((s) => s.results);
  // The list shows each replay by its capture's number: the title names both.
  const named = (id: number) => {
    const captureId = results.find((result) => result.id === id)?.captureId;
    return captureId === undefined ? `#${id}` : `#${id} (capture #${captureId})`;
  };
  useEffect(() => run({ kind: 'replay', id: left }, { kind: 'replay', id: right }), [left, right, run]);
  return (
    <div className="replay-detail" data-testid="replay-pair">
      <div className="replay-detail-head">
        <h2 className="replay-section-title">
          Replay {named(left)} compared with replay {named(right)}
        </h2>
      </div>
      <DiffState diff={diff} />
    </div>
  );
}
