import { Save, Trash2, Undo2 } from 'lucide-react';
import { type FormEvent, type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Rule } from '../../../shared/rules';
import { describeError } from '../../client';
import { useRules, useStores } from '../../state/StoresContext';
import { BehaviourEditor } from './BehaviourEditor';
import { ForwardEditor } from './ForwardEditor';
import { FieldProblems } from './formControls';
import { MatchEditor } from './MatchEditor';
import { ResponderEditor } from './ResponderEditor';
import { RulePreview } from './RulePreview';
import { problemsSummary, ruleProblems } from './ruleChecks';
import { normaliseRule, sameEdit } from './ruleFormat';
import './rule-editor.css';

interface RuleEditorProps {
  /** The rule as saved; its draft, once edited, lives in the rules store. Remount (key) per rule. */
  rule: Rule;
  onDelete: (rule: Rule) => void;
}

const NO_PROBLEMS: ReadonlyMap<string, string> = new Map();

/** The selected rule's form, with Save/Revert and a live preview of the draft. */
export function RuleEditor({ rule, onDelete }: RuleEditorProps) {
  const rulesStore = useStores().rules;
  const saveRule = useRules((s) => s.saveRule);
  const setEnabled = useRules((s) => s.setEnabled);
  const editRule = useRules((s) => s.editRule);
  const setRuleDraft = useRules((s) => s.setRuleDraft);
  const editing = useRules((s) => (s.editing?.ruleId === rule.id ? s.editing : null));
  // Until the first edit the form shows the saved rule itself.
  const draft = editing?.draft ?? rule;
  const base = editing?.base ?? rule;
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [changedElsewhere, setChangedElsewhere] = useState(false);
  // Fields are marked once a save was refused for them, then follow the edits.
  const [showProblems, setShowProblems] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const nameId = useId();
  const dirty = !sameEdit(draft, base);
  const problems = useMemo(() => ruleProblems(draft), [draft]);
  const marked = useMemo(() => {
    if (!showProblems || problems.length === 0) return NO_PROBLEMS;
    const byField = new Map<string, string>();
    for (const problem of problems)
      if (!byField.has(problem.field)) byField.set(problem.field, problem.message);
    return byField;
  }, [showProblems, problems]);

  // Follow the saved rule (also on coming back to the screen): adopt changes made elsewhere unless
  // the user is mid-edit.
  useEffect(() => {
    const current = rulesStore.getState().editing;
    if (current?.ruleId !== rule.id || sameEdit(rule, current.base)) return;
    if (sameEdit(current.draft, current.base) || sameEdit(rule, current.draft)) {
      // Nothing unsaved, or what was saved is what is being edited (our own save).
      setRuleDraft(null);
      return;
    }
    setChangedElsewhere(true);
  }, [rule, rulesStore, setRuleDraft]);

  // Takes the user to the first marked field: the message beside it says what to change. A
  // condition row marks the input itself, as its other inputs are fine.
  useEffect(() => {
    if (focusRequest === 0) return;
    const field = formRef.current?.querySelector<HTMLElement>(
      '.rule-field-invalid :is(input, select, textarea, .cm-content), .rule-rows .input[aria-invalid="true"]',
    );
    field?.scrollIntoView({ block: 'center' });
    field?.focus({ preventScroll: true });
  }, [focusRequest]);

  const edit = (patch: Partial<Rule>) => editRule(rule, (current) => ({ ...current, ...patch }));

  const save = async () => {
    if (saving) return;
    if (problems.length > 0) {
      setError(null);
      setShowProblems(true);
      setFocusRequest((count) => count + 1);
      return;
    }
    // The switch in the list saves `enabled` at once, so the stored value is the current one.
    const toSave = normaliseRule({ ...draft, enabled: rule.enabled });
    setSaving(true);
    setError(null);
    try {
      const state = await saveRule(toSave);
      const saved = state.rules.find((candidate) => candidate.id === toSave.id) ?? toSave;
      const now = rulesStore.getState().editing;
      // Edits typed while saving stay unsaved; otherwise the form shows the saved rule.
      setRuleDraft(now?.ruleId === rule.id && now.draft !== draft ? { ...now, base: saved } : null);
      setChangedElsewhere(false);
      setShowProblems(false);
    } catch (cause) {
      setError(describeError(cause, 'Could not save the rule.'));
    } finally {
      setSaving(false);
    }
  };

  const revert = () => {
    setRuleDraft(null);
    setError(null);
    setChangedElsewhere(false);
    setShowProblems(false);
  };

  const message = error ?? (showProblems && problems.length > 0 ? problemsSummary(problems) : null);

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
        ref={formRef}
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
        {/* Save and why it failed stay in view however far down the form the user has scrolled. */}
        <div className="rule-editor-bar">
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
          {message && (
            <p className="error-box rule-error" role="alert" data-testid="rule-error">
              {message}
            </p>
          )}
        </div>
        {changedElsewhere && (
          <p className="rule-note" role="status">
            This rule was changed elsewhere while you edited it. Saving keeps your version; Revert takes
            theirs.
          </p>
        )}
        <FieldProblems value={marked}>
          <MatchEditor match={draft.match} onChange={(match) => edit({ match })} />
          <ResponderEditor responder={draft.responder} onChange={(responder) => edit({ responder })} />
          <BehaviourEditor
            delay={draft.delay}
            cors={draft.cors}
            onDelayChange={(delay) => edit({ delay })}
            onCorsChange={(cors) => edit({ cors })}
          />
          <ForwardEditor forward={draft.forward ?? null} onChange={(forward) => edit({ forward })} />
        </FieldProblems>
      </form>
      <RulePreview draft={draft} />
    </div>
  );
}
