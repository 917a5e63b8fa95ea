import { type FormEvent, useEffect, useId, useState } from 'react';
import type { ReceiverSettings, ReceiverStatus } from '../../../shared/domain';
import { describeError } from '../../client';
import { useReceiver, useSettings, useStores } from '../../state/StoresContext';
import { Field } from './Field';
import {
  draftFromSettings,
  type ReceiverDraft,
  receiverChanges,
  validateReceiverDraft,
} from './receiverDraft';
import { useKeptState } from './useKeptState';

type Outcome = { tone: 'ok' | 'info' | 'error'; text: string };

function restartOutcome(status: ReceiverStatus): Outcome {
  if (status.state === 'listening') {
    return {
      tone: 'ok',
      text: `Saved. The receiver now listens at ${status.url ?? `${status.host}:${status.port}`}.`,
    };
  }
  return {
    tone: 'error',
    // The core's reasons are sentences of their own, full stop included.
    text: `Saved, but the receiver could not start: ${status.error ?? 'for a reason it did not give.'}`,
  };
}

export function ReceiverForm({ receiver }: { receiver: ReceiverSettings }) {
  const update = useSettings((s) => s.update);
  const loadStatus = useReceiver((s) => s.load);
  const receiverStore = useStores().receiver;
  // Kept while the user visits another screen; unsaved edits are there on coming back.
  const [draft, setDraft] = useKeptState<ReceiverDraft>('receiver.draft', () => draftFromSettings(receiver));
  const [dirty, setDirty] = useKeptState('receiver.dirty', () => false);
  const [touched, setTouched] = useKeptState<Partial<Record<keyof ReceiverDraft, boolean>>>(
    'receiver.touched',
    () => ({}),
  );
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const titleId = useId();

  // Adopt changes made elsewhere (another window, the CLI) unless the user is mid-edit.
  useEffect(() => {
    if (!dirty) setDraft(draftFromSettings(receiver));
  }, [receiver, dirty, setDraft]);

  const validation = validateReceiverDraft(draft);
  const errorFor = (field: keyof ReceiverDraft) =>
    !validation.ok && (submitted || touched[field]) ? validation.errors[field] : undefined;

  const edit = (field: keyof ReceiverDraft) => (value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setDirty(true);
    setOutcome(null);
  };
  const touch = (field: keyof ReceiverDraft) => () =>
    setTouched((current) => ({ ...current, [field]: true }));

  const revert = () => {
    setDraft(draftFromSettings(receiver));
    setDirty(false);
    setTouched({});
    setSubmitted(false);
    setOutcome(null);
  };

  const save = async () => {
    setSubmitted(true);
    if (!validation.ok) return;
    const changes = receiverChanges(receiver, validation.value);
    if (Object.keys(changes).length === 0) {
      revert();
      return;
    }
    setSaving(true);
    setOutcome(null);
    try {
      const saved = await update({ receiver: changes });
      setDraft(draftFromSettings(saved.receiver));
      setDirty(false);
      setTouched({});
      setSubmitted(false);
      // Saving moved the receiver already (or refused, saving nothing, when it could not move).
      if (changes.host !== undefined || changes.port !== undefined) {
        await loadStatus();
        const status = receiverStore.getState().status;
        if (status) setOutcome(restartOutcome(status));
      } else {
        setOutcome({ tone: 'ok', text: 'Saved.' });
      }
    } catch (error) {
      setOutcome({ tone: 'error', text: describeError(error, 'Could not save the settings.') });
    } finally {
      setSaving(false);
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void save();
  };

  return (
    <form className="settings-card" onSubmit={onSubmit} noValidate aria-labelledby={titleId}>
      <h2 id={titleId} className="settings-card-title">
        Receiver
      </h2>
      <p className="settings-card-intro">
        Where Hookbench listens for webhooks, and how much of each body it keeps.
      </p>
      <div className="field-row">
        <Field
          label="Host"
          name="host"
          value={draft.host}
          onChange={edit('host')}
          onBlur={touch('host')}
          error={errorFor('host')}
          hint="127.0.0.1 accepts requests from this computer only; 0.0.0.0 from your network too."
          autoComplete="off"
          spellCheck={false}
          data-testid="settings-host"
        />
        <Field
          label="Port"
          name="port"
          value={draft.port}
          onChange={edit('port')}
          onBlur={touch('port')}
          error={errorFor('port')}
          inputMode="numeric"
          autoComplete="off"
          className="input-short"
          data-testid="settings-port"
        />
      </div>
      <Field
        label="Body limit (MiB)"
        name="bodyLimitMiB"
        value={draft.bodyLimitMiB}
        onChange={edit('bodyLimitMiB')}
        onBlur={touch('bodyLimitMiB')}
        error={errorFor('bodyLimitMiB')}
        hint="Larger bodies are answered with 413 and stored truncated."
        inputMode="decimal"
        autoComplete="off"
        data-testid="settings-body-limit"
      />
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={saving || !dirty}
          data-testid="save-settings"
        >
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button
          type="button"
          className="button"
          disabled={!dirty || saving}
          onClick={revert}
          data-testid="revert-settings"
        >
          Revert
        </button>
      </div>
      {outcome && (
        <p
          className={`form-outcome form-outcome-${outcome.tone}`}
          role="status"
          data-testid="settings-outcome"
        >
          {outcome.text}
        </p>
      )}
    </form>
  );
}
