import { useState } from 'react';
import { describeError } from '../../client';
import { useComposer } from '../../state/StoresContext';
import { CodeEditor } from '../../ui/editor/CodeEditor';
import type { EditorProblems } from '../../ui/editor/diagnostics';
import { ProblemList } from '../../ui/editor/ProblemList';
import { type DataTarget, dataTextProblem } from './composerFormat';
import { Field } from './fields';
import { useDiscardGuard } from './useDiscardGuard';
import type { PreviewOutcome } from './usePreview';

/** A bad-JSON message at a position in one of the two texts, with the text it was found in. */
type PlacedProblem = { target: DataTarget; line: number; column: number; message: string; source: string };

function editorProblems(problem: PlacedProblem | null, target: DataTarget): EditorProblems | null {
  if (!problem || problem.target !== target) return null;
  return {
    source: problem.source,
    items: [{ line: problem.line, column: problem.column, message: problem.message, severity: 'error' }],
  };
}

/**
 * The data the request renders with: a data set chosen from the list, its state and event as
 * JSON. Edits are previewed at once and sent as they are; saving writes them to the data set.
 */
export function DataEditor({ outcome }: { outcome: PreviewOutcome }) {
  const dataSets = useComposer((s) => s.dataSets);
  const data = useComposer((s) => s.data);
  const selectedId = useComposer((s) => s.draft.dataSetId);
  const selectDataSet = useComposer((s) => s.selectDataSet);
  const [guard, discardDialog] = useDiscardGuard('data');
  const editData = useComposer((s) => s.editData);
  const saveData = useComposer((s) => s.saveData);
  // A refused save, kept with the texts it was for: once they change, it no longer applies.
  const [failure, setFailure] = useState<{
    message: string;
    problem: PlacedProblem | null;
    stateText: string;
    eventText: string;
  } | null>(null);
  const [busy, setBusy] = useState(false);

  const saveFailure =
    failure && failure.stateText === data.stateText && failure.eventText === data.eventText ? failure : null;
  const previewProblem = outcome.dataProblem;
  const previewCurrent =
    previewProblem &&
    previewProblem.source === (previewProblem.target === 'state' ? data.stateText : data.eventText);
  const problem = saveFailure?.problem ?? (previewCurrent ? previewProblem : null);

  const save = async (asNew: boolean) => {
    setBusy(true);
    setFailure(null);
    const { stateText, eventText } = data;
    try {
      await saveData(asNew);
    } catch (error) {
      const message = describeError(error, 'Could not save the data set.');
      const placed = dataTextProblem(message);
      setFailure({
        message,
        problem: placed && { ...placed, source: placed.target === 'state' ? stateText : eventText },
        stateText,
        eventText,
      });
    } finally {
      setBusy(false);
    }
  };

  const list = (target: DataTarget) =>
    problem?.target === target ? (
      <ProblemList
        problems={[
          { line: problem.line, column: problem.column, message: problem.message, severity: 'error' },
        ]}
        label={`The ${target}: problems`}
        testId={`dataset-${target}-problems`}
      />
    ) : null;

  return (
    <section className="composer-section" aria-labelledby="composer-data-title">
      <h3 id="composer-data-title" className="composer-section-title">
        Data
      </h3>
      <div className="composer-grid">
        <Field label="Data set" hint="What {{state.…}} and {{event.…}} read.">
          {(id, hintId) => (
            <select
              id={id}
              className="input"
              value={selectedId ?? ''}
              aria-describedby={hintId}
              onChange={(event) => {
                const id = event.target.value === '' ? null : event.target.value;
                guard(() => selectDataSet(id));
              }}
              data-testid="composer-dataset-select"
            >
              <option value="">No data set (empty state and event)</option>
              {dataSets.map((dataSet) => (
                <option key={dataSet.id} value={dataSet.id}>
                  {dataSet.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Data set name">
          {(id) => (
            <input
              id={id}
              className="input"
              value={data.name}
              placeholder="Name it to save it"
              onChange={(event) => editData({ name: event.target.value })}
              data-testid="dataset-name"
            />
          )}
        </Field>
      </div>
      <div className="composer-data-editors">
        <div className="composer-field">
          <span className="composer-label">State (user properties)</span>
          <CodeEditor
            value={data.stateText}
            onChange={(stateText) => editData({ stateText })}
            ariaLabel="State JSON"
            problems={editorProblems(problem, 'state')}
            invalid={problem?.target === 'state'}
            testId="dataset-state-editor"
          />
          {list('state')}
        </div>
        <div className="composer-field">
          <span className="composer-label">Event (the trigger’s fields)</span>
          <CodeEditor
            value={data.eventText}
            onChange={(eventText) => editData({ eventText })}
            ariaLabel="Event JSON"
            problems={editorProblems(problem, 'event')}
            invalid={problem?.target === 'event'}
            testId="dataset-event-editor"
          />
          {list('event')}
        </div>
      </div>
      <div className="composer-data-actions">
        <span className="composer-dirty" data-testid="dataset-dirty">
          {data.dirty ? 'Unsaved data — previewed and sent as it is' : ''}
        </span>
        <button
          type="button"
          className="button button-small"
          disabled={busy || data.id === null || !data.dirty}
          onClick={() => void save(false)}
          data-testid="dataset-save"
        >
          Save data set
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          onClick={() => void save(true)}
          data-testid="dataset-save-new"
        >
          Save as new
        </button>
        <button
          type="button"
          className="button button-small button-quiet"
          disabled={!data.dirty}
          onClick={() => selectDataSet(selectedId)}
        >
          Revert
        </button>
      </div>
      {saveFailure && (
        <p className="error-box composer-error" role="alert" data-testid="dataset-save-error">
          Not saved: {saveFailure.message}
        </p>
      )}
      {discardDialog}
    </section>
  );
}
