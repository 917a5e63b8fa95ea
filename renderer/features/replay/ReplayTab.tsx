import { MousePointerClick } from 'lucide-react';
import { useEffect } from 'react';
import { useReplay } from '../../state/StoresContext';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { BulkReplay } from './BulkReplay';
import { ReplayDetail, ReplayPairDiff } from './ReplayDetail';
import { ResultsList } from './ResultsList';
import { SingleReplay } from './SingleReplay';
import { TargetForm } from './TargetForm';
import { useFormField } from './useFormField';

/** What the right-hand pane shows: one replay, or two replays compared. */
type Shown = { kind: 'replay'; id: number } | { kind: 'pair'; left: number; right: number } | null;

/** The form (target, one capture, many captures) on the left; results and details on the right. */
export function ReplayTab() {
  const loadResults = useReplay((s) => s.loadResults);
  // Kept in the store, as the forms are: a result opened (or one arriving while the screen was
  // away) is still open on return.
  const [shown, setShown] = useFormField<Shown>('tab.shown', null);
  const [chosen, setChosen] = useFormField<number[]>('tab.chosen', []);

  useEffect(() => {
    void loadResults();
  }, [loadResults]);

  // A third tick replaces the older of the two, so the last two ticked are compared.
  const toggle = (id: number) =>
    setChosen(chosen.includes(id) ? chosen.filter((other) => other !== id) : [...chosen, id].slice(-2));

  const compareChosen = () => {
    const [a, b] = chosen;
    if (a === undefined || b === undefined) return;
    // Older on the left: "before" and "after" read the way they happened.
    setShown({ kind: 'pair', left: Math.min(a, b), right: Math.max(a, b) });
  };

  return (
    <div className="replay-split">
      <div className="replay-form-pane">
        <TargetForm />
        <SingleReplay onReplayed={(record) => setShown({ kind: 'replay', id: record.id })} />
        <BulkReplay />
      </div>
      <div className="replay-results-pane">
        <ResultsList
          selectedId={shown?.kind === 'replay' ? shown.id : null}
          chosen={chosen}
          onOpen={(id) => setShown({ kind: 'replay', id })}
          onToggle={toggle}
          onCompareChosen={compareChosen}
        />
        <div className="replay-detail-scroll">
          <ErrorBoundary area="the replay details" key={shown ? JSON.stringify(shown) : 'none'}>
            {shown?.kind === 'replay' && <ReplayDetail replayId={shown.id} />}
            {shown?.kind === 'pair' && <ReplayPairDiff left={shown.left} right={shown.right} />}
            {!shown && (
              <div className="pane-placeholder">
                <MousePointerClick size={24} aria-hidden />
                <p>
                  Open a result to see what was sent and answered, and compare it with the original answer.
                </p>
              </div>
            )}
          </ErrorBoundary>
        </div>
      </div>
    </div>
  );
}
