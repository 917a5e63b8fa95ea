import { Save, Trash2, Undo2 } from 'lucide-react';
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import type { Rule } from '../../../shared/rules';
import { describeError } from '../../client';
import { useRules } from '../../state/StoresContext';
import { BehaviourEditor } from './BehaviourEditor';
import { ForwardEditor } from './ForwardEditor';
import { MatchEditor } from './MatchEditor';
import { ResponderEditor } from './ResponderEditor';
import { RulePreview } from './RulePreview';
import { normaliseRule, sameEdit } from './ruleFormat';
import './rule-editor.css';

interface RuleEditorProps {
  /** The rule as saved; the editor keeps its own draft of it. Remount (key) per rule. */
  rule: Rule;
  onDirtyChange: (dirty: boolean) => void;
  onDelete: (rule: Rule) => void;
}

/** The selected rule's form, with Save/Revert and a live preview of the draft. */
export function RuleEditor({ rule, onDirtyChange, onDelete }: RuleEditorProps) {
  const saveRule = useRules((s) => s.saveRule);
  const setEnabled = useRules((s) => s.setEnabled);
  const [draft, setDraft] = useState(rule);
  // The saved rule the draft started from: dirty means the draft differs from it.
  const [base, setBase] = useState(rule);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [changedElsewhere, setChangedElsewhere] = useState(false);
  const nameId = useId();
  const dirty = !sameEdit(draft, base);
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;

  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  // Leaving the screen with unsaved edits must not leave the parent thinking they still exist.
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);

  const latest = useRef({ base, draft });
  latest.current = { base, draft };

  // Follow the saved rule: adopt changes made elsewhere unless the user is mid-edit.
  useEffect(() => {
    const { base: currentBase, draft: currentDraft } = latest.current;
    if (sameEdit(rule, currentBase)) return;
    if (!dirtyRef.current || sameEdit(rule, currentDraft)) {
      // Nothing unsaved, or what was saved is what is being edited (our own save).
      setDraft(rule);
      setBase(rule);
      return;
    }
    setChangedElsewhere(true);
  }, [rule]);

  const edit = (patch: Partial<Rule>) => setDraft((current) => ({ ...current, ...patch }));

  const save = async () => {
    if (saving) return;
    // The switch in the list saves `enabled` at once, so the stored value is the current one.
    const toSave = normaliseRule({ ...draft, enabled: rule.enabled });
    setSaving(true);
    setError(null);
    try {
      const state = await saveRule(toSave);
      const saved = state.rules.find((candidate) => candidate.id === toSave.id) ?? toSave;
      setBase(saved);
      setDraft(saved);
      setChangedElsewhere(false);
    } catch (cause) {
      setError(describeError(cause, 'Could not save the rule.'));
    } finally {
      setSaving(false);
    }
  };

  const revert = () => {
    setDraft(rule);
    setBase(rule);
    setError(null);
    setChangedElsewhere(false);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void save();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      void save();
    }
  };

  return (
    <div className="rule-workspace">
      <form
        className="rule-editor"
        data-testid="rule-editor"
        data-rule-id={rule.id}
        aria-label={`Rule ${rule.name}`}
        noValidate
        onSubmit={onSubmit}
        onKeyDown={onKeyDown}
      >
        <header className="rule-editor-head">
          <div className="rule-field rule-name-field">
            <label htmlFor={nameId} className="rule-field-label">
              Name
            </label>
            <input
              id={nameId}
              className="input"
              value={draft.name}
              autoComplete="off"
              onChange={(event) => edit({ name: event.target.value })}
              data-testid="rule-name-input"
            />
          </div>
          <label className="check rule-editor-enabled">
            <input
              type="checkbox"
              className="switch"
              checked={rule.enabled}
              onChange={(event) =>
                setEnabled(rule.id, event.target.checked).catch((cause: unknown) =>
                  setError(describeError(cause, 'Could not switch the rule.')),
                )
              }
              data-testid="rule-editor-enabled"
            />
            Enabled
          </label>
        </header>
        <div className="rule-editor-actions">
          <button type="submit" className="button button-primary" disabled={saving} data-testid="save-rule">
            <Save size={14} aria-hidden />
            {saving ? 'Saving…' : 'Save'}
          </button>
          <button
            type="button"
            className="button"
            disabled={!dirty || saving}
            onClick={revert}
            data-testid="revert-rule"
          >
            <Undo2 size={14} aria-hidden />
            Revert
          </button>
          <span className="rule-dirty" data-testid="rule-dirty" aria-live="polite">
            {dirty ? 'Unsaved changes' : ''}
          </span>
          <button
            type="button"
            className="button button-quiet rule-delete"
            onClick={() => onDelete(rule)}
            data-testid="delete-rule"
          >
            <Trash2 size={14} aria-hidden />
            Delete
          </button>
        </div>
        {error && (
          <p className="error-box rule-error" role="alert" data-testid="rule-error">
            {error}
          </p>
        )}
        {changedElsewhere && (
          <p className="rule-note" role="status">
            This rule was changed elsewhere while you edited it. Saving keeps your version; Revert takes
            theirs.
          </p>
        )}
        <MatchEditor match={draft.match} onChange={(match) => edit({ match })} />
        <ResponderEditor responder={draft.responder} onChange={(responder) => edit({ responder })} />
        <BehaviourEditor
          delay={draft.delay}
          cors={draft.cors}
          onDelayChange={(delay) => edit({ delay })}
          onCorsChange={(cors) => edit({ cors })}
        />
        <ForwardEditor forward={draft.forward ?? null} onChange={(forward) => edit({ forward })} />
      </form>
      <RulePreview draft={draft} />
    </div>
  );
}
