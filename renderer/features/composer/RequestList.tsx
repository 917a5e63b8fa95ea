import { Download } from 'lucide-react';
import { useMemo, useState } from 'react';
import type { ComposerAuth } from '../../../shared/composer';
import { describeError } from '../../client';
import { downloadFile } from '../../lib/download';
import { useComposer } from '../../state/StoresContext';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { groupByCollection, type ScreenMessage } from './composerFormat';
import { PresetMenu } from './PresetMenu';
import { useDiscardGuard } from './useDiscardGuard';

/** A secret that only names an env variable is not itself a secret. */
const ENV_ONLY = /^\s*\{\{\s*env\.[A-Za-z_]\w*\s*\}\}\s*$/;

function secretOf(auth: ComposerAuth): string {
  if (auth.kind === 'bearer') return auth.tokenTemplate;
  if (auth.kind === 'basic') return auth.passwordTemplate;
  if (auth.kind === 'hmac') return auth.secretTemplate;
  return '';
}

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

  // Which collection is being exported while the user decides about its secrets.
  const [exporting, setExporting] = useState<string | null>(null);
  const hasSecrets = (collection: string) =>
    requests.some(
      (r) => r.collection === collection && secretOf(r.auth) !== '' && !ENV_ONLY.test(secretOf(r.auth)),
    );

  const onExport = async (collection: string, includeSecrets: boolean) => {
    setExporting(null);
    try {
      const { fileName, text } = await exportCollection(collection, includeSecrets);
      downloadFile(fileName, text, 'application/json');
    } catch (error) {
      onMessage({ text: describeError(error, `Could not export “${collection}”.`), error: true });
    }
  };
  const startExport = (collection: string) => {
    if (hasSecrets(collection)) setExporting(collection);
    else void onExport(collection, false);
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
              onClick={() => startExport(group.collection)}
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
      <ConfirmDialog
        open={exporting !== null}
        title="Include tokens and passwords?"
        confirmLabel="Export without them"
        confirmTestId="export-without-secrets"
        onConfirm={() => exporting !== null && void onExport(exporting, false)}
        onCancel={() => setExporting(null)}
      >
        <p>
          Requests in “{exporting}” carry auth secrets. They are left out of the file unless you include them
          (references like {'{{env.TOKEN}}'} are kept either way).
        </p>
        <button
          type="button"
          className="button button-small"
          onClick={() => exporting !== null && void onExport(exporting, true)}
          data-testid="export-with-secrets"
        >
          Include them
        </button>
      </ConfirmDialog>
    </section>
  );
}
