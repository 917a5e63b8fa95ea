import { Save, Trash2 } from 'lucide-react';
import { type KeyboardEvent, useId, useState } from 'react';
import type { ComposerMethod } from '../../../shared/composer';
import { describeError } from '../../client';
import { useComposer } from '../../state/StoresContext';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { AuthEditor } from './AuthEditor';
import { BodyField } from './BodyField';
import { DataEditor } from './DataEditor';
import { draftDirty, timeoutProblem } from './drafts';
import { Check, Field } from './fields';
import { HeadersEditor } from './HeadersEditor';
import { PartProblems } from './PartProblems';
import type { PreviewOutcome } from './usePreview';

const METHOD_HINT: Record<ComposerMethod, string> = {
  POST: 'POST sends the rendered body. GET moves the rendered fields into the query string.',
  GET: 'GET moves the rendered fields into the query string and sends no body.',
};

/** The open request: name and collection, method and URL, headers, body, data, auth and options. */
export function RequestEditor({ outcome }: { outcome: PreviewOutcome }) {
  const draft = useComposer((s) => s.draft);
  const dirty = useComposer((s) => draftDirty(s.draft, s.origin));
  const collections = useComposer((s) => s.collections);
  const editDraft = useComposer((s) => s.editDraft);
  const timeoutText = useComposer((s) => s.timeoutText);
  const editTimeout = useComposer((s) => s.editTimeout);
  const timeoutError = timeoutProblem(draft.timeoutMs);
  const saveRequest = useComposer((s) => s.saveRequest);
  const deleteRequest = useComposer((s) => s.deleteRequest);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [deleting, setDeleting] = useState<'ask' | 'busy' | null>(null);
  const collectionsId = useId();
  const timeoutErrorId = useId();

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      await saveRequest();
    } catch (caught) {
      setError(describeError(caught, 'Could not save the request.'));
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    if (draft.id === undefined) return;
    setDeleting('busy');
    try {
      await deleteRequest(draft.id);
    } catch (caught) {
      setError(describeError(caught, 'Could not delete the request.'));
    }
    setDeleting(null);
  };

  // Ctrl/Cmd+S saves, as in the Responders editor (and the browser's "save page" stays out of the way).
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 's') return;
    event.preventDefault();
    if (!saving) void save();
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a shortcut for the Save button inside, not a control of its own
    <div className="composer-editor" data-testid="composer-editor" onKeyDown={onKeyDown}>
      <div className="composer-editor-actions">
        <Field label="Name" className="composer-grow">
          {(id) => (
            <input
              id={id}
              className="input"
              value={draft.name}
              onChange={(event) => editDraft({ name: event.target.value })}
              data-testid="composer-name"
            />
          )}
        </Field>
        <Field label="Collection" className="composer-collection-field">
          {(id) => (
            <>
              <input
                id={id}
                className="input"
                list={collectionsId}
                value={draft.collection}
                onChange={(event) => editDraft({ collection: event.target.value })}
                data-testid="composer-collection"
              />
              <datalist id={collectionsId}>
                {collections.map((name) => (
                  <option key={name} value={name} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <div className="composer-save-group">
          <span className="composer-dirty" data-testid="composer-dirty" aria-live="polite">
            {draft.id === undefined ? 'Not saved yet' : dirty ? 'Unsaved changes' : ''}
          </span>
          <button
            type="button"
            className="button button-primary"
            disabled={saving || (!dirty && draft.id !== undefined) || timeoutError !== null}
            onClick={() => void save()}
            data-testid="composer-save"
          >
            <Save size={14} aria-hidden />
            Save
          </button>
          <button
            type="button"
            className="button button-quiet"
            aria-label="Delete this request"
            title="Delete this request"
            disabled={draft.id === undefined}
            onClick={() => setDeleting('ask')}
            data-testid="composer-delete"
          >
            <Trash2 size={14} aria-hidden />
          </button>
        </div>
      </div>
      {error && (
        <p className="error-box composer-error" role="alert" data-testid="composer-save-error">
          {error}
        </p>
      )}

      <section className="composer-section" aria-label="Method and URL">
        <div className="composer-request-line">
          <Field label="Method" hint={METHOD_HINT[draft.method]} className="composer-method-field">
            {(id, hintId) => (
              <select
                id={id}
                className="input"
                value={draft.method}
                aria-describedby={hintId}
                onChange={(event) => editDraft({ method: event.target.value === 'GET' ? 'GET' : 'POST' })}
                data-testid="composer-method"
              >
                <option value="POST">POST</option>
                <option value="GET">GET</option>
              </select>
            )}
          </Field>
          <Field
            label="URL template"
            hint="Text mode: values as they are; use urlEncode for query values."
            className="composer-grow"
          >
            {(id, hintId) => (
              <input
                id={id}
                className="input input-mono"
                value={draft.urlTemplate}
                spellCheck={false}
                autoComplete="off"
                placeholder="{{env.BASE_URL}}/hooks/minigame"
                aria-describedby={hintId}
                onChange={(event) => editDraft({ urlTemplate: event.target.value })}
                data-testid="composer-url"
              />
            )}
          </Field>
        </div>
        <PartProblems preview={outcome.preview} parts={['url']} label="URL problems" testId="url-problems" />
      </section>

      <HeadersEditor preview={outcome.preview} />
      <BodyField outcome={outcome} />
      <DataEditor outcome={outcome} />
      <AuthEditor preview={outcome.preview} />

      <section className="composer-section" aria-label="Send options">
        <h3 className="composer-section-title">Options</h3>
        <div className="composer-options">
          <Field label="Timeout (ms)" className="composer-timeout">
            {(id) => (
              <input
                id={id}
                className="input"
                inputMode="numeric"
                value={timeoutText}
                aria-invalid={timeoutError !== null || undefined}
                aria-describedby={timeoutError ? timeoutErrorId : undefined}
                onChange={(event) => editTimeout(event.target.value)}
                data-testid="composer-timeout"
              />
            )}
          </Field>
          <Check checked={draft.followRedirects} onChange={(value) => editDraft({ followRedirects: value })}>
            Follow redirects
          </Check>
          <Check checked={draft.verifyTls} onChange={(value) => editDraft({ verifyTls: value })}>
            Verify TLS certificates
          </Check>
        </div>
        {/* Under the row rather than in the narrow field, which would wrap it to a column of words. */}
        {timeoutError && (
          <p id={timeoutErrorId} className="field-error" data-testid="composer-timeout-error">
            {timeoutError}
          </p>
        )}
      </section>

      <ConfirmDialog
        open={deleting !== null}
        title="Delete this request?"
        confirmLabel={deleting === 'busy' ? 'Deleting…' : 'Delete'}
        confirmTestId="confirm-delete-request"
        danger
        busy={deleting === 'busy'}
        onConfirm={() => void remove()}
        onCancel={() => setDeleting(null)}
      >
        <p>
          “{draft.name}” is removed from “{draft.collection}”. Its sends stay in the history.
        </p>
      </ConfirmDialog>
    </div>
  );
}
