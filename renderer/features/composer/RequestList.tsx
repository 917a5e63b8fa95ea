import { Download } from 'lucide-react';
import { useMemo } from 'react';
import { describeError } from '../../client';
import { useComposer } from '../../state/StoresContext';
import { groupByCollection, type ScreenMessage } from './composerFormat';
import { downloadText } from './download';
import { PresetMenu } from './PresetMenu';
import { useDiscardGuard } from './useDiscardGuard';

const BLANK = { title: 'Blank request', description: 'A POST with a small JSON body to start from.' };

/** The saved requests under their collections, "New request" and each collection's export. */
export function RequestList({ onMessage }: { onMessage: (message: ScreenMessage) => void }) {
  const requests = useComposer((s) => s.requests);
  const collections = useComposer((s) => s.collections);
  const presets = useComposer((s) => s.presets);
  const openId = useComposer((s) => s.draft.id);
  const openRequest = useComposer((s) => s.openRequest);
  const newRequest = useComposer((s) => s.newRequest);
  const exportCollection = useComposer((s) => s.exportCollection);
  const [guard, discardDialog] = useDiscardGuard();
  const groups = useMemo(() => groupByCollection(requests, collections), [requests, collections]);
  const templates = useMemo(
    () =>
      (presets?.templates ?? []).map((preset) => ({ title: preset.name, description: preset.description })),
    [presets],
  );

  const create = (index: number | null) =>
    guard(() => {
      newRequest(index).catch((error: unknown) =>
        onMessage({ text: describeError(error, 'Could not start the request.'), error: true }),
      );
    });

  const onExport = async (collection: string) => {
    try {
      const { fileName, text } = await exportCollection(collection);
      downloadText(fileName, text);
    } catch (error) {
      onMessage({ text: describeError(error, `Could not export “${collection}”.`), error: true });
    }
  };

  return (
    <section className="composer-block" aria-labelledby="composer-requests-title">
      <div className="composer-block-head">
        <h2 id="composer-requests-title" className="composer-block-title">
          Requests
        </h2>
        <PresetMenu
          label="New request"
          blank={BLANK}
          presets={templates}
          onChoose={create}
          buttonTestId="composer-new"
          itemTestIdPrefix="composer-preset-"
        />
      </div>
      {groups.length === 0 && <p className="muted composer-empty">No saved requests yet.</p>}
      {groups.map((group) => (
        <div key={group.collection} className="composer-collection">
          <div className="composer-collection-head">
            <h3 className="composer-collection-name" title={group.collection}>
              {group.collection}
            </h3>
            <button
              type="button"
              className="button button-quiet button-small"
              title={`Export “${group.collection}” as a file (env variables are left out)`}
              aria-label={`Export the collection ${group.collection}`}
              onClick={() => void onExport(group.collection)}
              data-testid="collection-export"
            >
              <Download size={13} aria-hidden />
            </button>
          </div>
          <ul className="composer-rows">
            {group.requests.map((request) => (
              <li key={request.id}>
                <button
                  type="button"
                  className="composer-row"
                  aria-current={request.id === openId ? 'true' : undefined}
                  title={`${request.name} — ${request.urlTemplate}`}
                  onClick={() => {
                    if (request.id !== openId) guard(() => openRequest(request.id));
                  }}
                  data-testid="composer-request"
                >
                  <span className={`composer-method composer-method-${request.method.toLowerCase()}`}>
                    {request.method}
                  </span>
                  <span className="composer-row-name">{request.name}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {discardDialog}
    </section>
  );
}
