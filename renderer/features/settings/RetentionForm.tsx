import { type FormEvent, useEffect, useId, useState } from 'react';
import type { RetentionSettings } from '../../../shared/domain';
import { describeError } from '../../client';
import { useSettings } from '../../state/StoresContext';
import { Field } from './Field';
import { draftFromRetention, type RetentionDraft, validateRetentionDraft } from './retentionDraft';
import { useKeptState } from './useKeptState';

/** How much capture history to keep; enforced by the core in the background, pinned captures kept. */
export function RetentionForm({ retention }: { retention: RetentionSettings }) {
  const update = useSettings((s) => s.update);
  // Kept while the user visits another screen; unsaved edits are there on coming back.
  const [draft, setDraft] = useKeptState<RetentionDraft>('retention.draft', () =>
    draftFromRetention(retention),
  );
  const [dirty, setDirty] = useKeptState('retention.dirty', () => false);
  const [outcome, setOutcome] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const titleId = useId();

  useEffect(() => {
    if (!dirty) setDraft(draftFromRetention(retention));
  }, [retention, dirty, setDraft]);

  const validation = validateRetentionDraft(draft);
  const errorFor = (field: keyof RetentionDraft) => (validation.ok ? undefined : validation.errors[field]);
  const edit = (field: keyof RetentionDraft) => (value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setDirty(true);
    setOutcome(null);
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!validation.ok) return;
    setSaving(true);
    try {
      const saved = await update({ retention: validation.value });
      setDraft(draftFromRetention(saved.retention));
      setDirty(false);
      setOutcome({
        tone: 'ok',
        text: 'Saved. Older captures are removed in the background; pinned ones are kept.',
      });
    } catch (error) {
      setOutcome({ tone: 'error', text: describeError(error, 'Could not save the retention settings.') });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="settings-card"
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-labelledby={titleId}
    >
      <h2 id={titleId} className="settings-card-title">
        Retention
      </h2>
      <p className="settings-card-intro">
        How much capture history to keep. Leave a field empty for no limit; when several are set, a capture
        goes as soon as one says so. Pinned captures are never removed.
      </p>
      <div className="field-row">
        <Field
          label="Keep the newest (captures)"
          name="maxCaptures"
          value={draft.maxCaptures}
          onChange={edit('maxCaptures')}
          error={errorFor('maxCaptures')}
          inputMode="numeric"
          placeholder="no limit"
          data-testid="settings-retention-count"
        />
        <Field
          label="Keep for (days)"
          name="maxAgeDays"
          value={draft.maxAgeDays}
          onChange={edit('maxAgeDays')}
          error={errorFor('maxAgeDays')}
          inputMode="decimal"
          placeholder="no limit"
          data-testid="settings-retention-days"
        />
        <Field
          label="Keep under (MiB)"
          name="maxMiB"
          value={draft.maxMiB}
          onChange={edit('maxMiB')}
          error={errorFor('maxMiB')}
          inputMode="decimal"
          placeholder="no limit"
          data-testid="settings-retention-size"
        />
      </div>
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={saving || !dirty}
          data-testid="save-retention"
        >
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button
          type="button"
          className="button"
          disabled={!dirty || saving}
          onClick={() => {
            setDraft(draftFromRetention(retention));
            setDirty(false);
            setOutcome(null);
          }}
          data-testid="revert-retention"
        >
          Revert
        </button>
      </div>
      {outcome && (
        <p
          className={`form-outcome form-outcome-${outcome.tone}`}
          role="status"
          data-testid="retention-outcome"
        >
          {outcome.text}
        </p>
      )}
    </form>
  );
}
