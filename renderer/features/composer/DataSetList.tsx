import { Trash2 } from 'lucide-react';
import { useMemo, useState } from 'react';
import type { DataSet } from '../../../shared/composer';
import { describeError } from '../../client';
import { useComposer } from '../../state/StoresContext';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import type { ScreenMessage } from './composerFormat';
import { PresetMenu } from './PresetMenu';
import { useDiscardGuard } from './useDiscardGuard';

const BLANK = { title: 'Empty data set', description: 'An empty state and event to fill in.' };

/** The data sets; choosing one renders the open request with it. */
export function DataSetList({ onMessage }: { onMessage: (message: ScreenMessage) => void }) {
  const dataSets = useComposer((s) => s.dataSets);
  const presets = useComposer((s) => s.presets);
  const selectedId = useComposer((s) => s.draft.dataSetId);
  const selectDataSet = useComposer((s) => s.selectDataSet);
  const [guard, discardDialog] = useDiscardGuard('data');
  const addDataSet = useComposer((s) => s.addDataSet);
  const deleteDataSet = useComposer((s) => s.deleteDataSet);
  const [deleting, setDeleting] = useState<{ dataSet: DataSet; busy: boolean } | null>(null);
  const choices = useMemo(
    () =>
      (presets?.dataSets ?? []).map((preset) => ({ title: preset.name, description: preset.description })),
    [presets],
  );

  // A new data set opens in the editor, replacing the data there: asked first when it is unsaved.
  const add = (index: number | null) =>
    guard(() => {
      addDataSet(index).catch((error: unknown) =>
        onMessage({ text: describeError(error, 'Could not add the data set.'), error: true }),
      );
    });

  const confirmDelete = async () => {
    if (!deleting) return;
    setDeleting({ ...deleting, busy: true });
    try {
      await deleteDataSet(deleting.dataSet.id);
    } catch (error) {
      onMessage({ text: describeError(error, 'Could not delete the data set.'), error: true });
    }
    setDeleting(null);
  };

  return (
    <section className="composer-block" aria-labelledby="composer-datasets-title">
      <div className="composer-block-head">
        <h2 id="composer-datasets-title" className="composer-block-title">
          Data sets
        </h2>
        <PresetMenu
          label="New data set"
          blank={BLANK}
          presets={choices}
          onChoose={add}
          buttonTestId="dataset-new"
          itemTestIdPrefix="dataset-preset-"
        />
      </div>
      {dataSets.length === 0 && (
        <p className="muted composer-empty">No data sets: templates render with empty data.</p>
      )}
      <ul className="composer-rows">
        {dataSets.map((dataSet) => (
          <li key={dataSet.id} className="composer-row-with-action" data-testid="dataset-row">
            <button
              type="button"
              className="composer-row"
              aria-current={dataSet.id === selectedId ? 'true' : undefined}
              title={`${dataSet.name}: render the open request with this data set`}
              onClick={() => {
                if (dataSet.id !== selectedId) guard(() => selectDataSet(dataSet.id));
              }}
              data-testid="dataset-select"
            >
              <span className="composer-row-name">{dataSet.name}</span>
            </button>
            <button
              type="button"
              className="button button-quiet button-small"
              aria-label={`Delete the data set ${dataSet.name}`}
              title="Delete"
              onClick={() => setDeleting({ dataSet, busy: false })}
            >
              <Trash2 size={13} aria-hidden />
            </button>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this data set?"
        confirmLabel={deleting?.busy ? 'Deleting…' : 'Delete'}
        confirmTestId="confirm-delete-dataset"
        danger
        busy={deleting?.busy ?? false}
        onConfirm={() => void confirmDelete()}
        onCancel={() => setDeleting(null)}
      >
        <p>
          “{deleting?.dataSet.name}” is removed. Requests that used it keep working and render with empty data
          until another data set is chosen.
        </p>
      </ConfirmDialog>
      {discardDialog}
    </section>
  );
}
