import { useEffect, useRef, useState } from 'react';
import type { FallbackResponse } from '../../../shared/rules';
import { describeError } from '../../client';
import { useRules } from '../../state/StoresContext';
import { CodeEditor } from '../../ui/editor/CodeEditor';
import { FieldProblems, Labeled, NumberInput } from './formControls';
import { HeaderPairsEditor } from './HeaderPairsEditor';
import { fallbackProblems } from './ruleChecks';
import { withoutBlankHeaders } from './ruleFormat';
import './fallback.css';

const same = (a: FallbackResponse, b: FallbackResponse) => JSON.stringify(a) === JSON.stringify(b);

function oneLine(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat || 'empty body';
}

/** The answer when no rule matches; sent as is (it is not a template). */
export function FallbackEditor({ fallback }: { fallback: FallbackResponse }) {
  const setFallback = useRules((s) => s.setFallback);
  // The draft lives in the rules store, so leaving the screen and coming back keeps the edits.
  const editing = useRules((s) => s.fallbackDraft);
  const setFallbackDraft = useRules((s) => s.setFallbackDraft);
  const draft = editing?.draft ?? fallback;
  const base = editing?.base ?? fallback;
  const setDraft = (next: FallbackResponse) => setFallbackDraft({ draft: next, base });
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const dirty = !same(draft, base);
  // Marked at the field once a save was refused for it, then following the edits (as rule fields).
  const [showProblems, setShowProblems] = useState(false);
  const problems = fallbackProblems(draft);
  const marked = new Map(showProblems ? problems.map((p) => [p.field, p.message] as const) : []);
  const [focusRequest, setFocusRequest] = useState(0);
  const detailsRef = useRef<HTMLDetailsElement>(null);
  // Takes the user to the marked field once it is drawn marked.
  useEffect(() => {
    if (focusRequest > 0)
      detailsRef.current?.querySelector<HTMLElement>('.rule-field-invalid input')?.focus();
  }, [focusRequest]);
  // Open on coming back with unsaved edits, so they are not hidden; after that the user decides.
  const [openAtFirst] = useState(dirty);

  // Adopt changes from elsewhere (an import, another window) unless mid-edit.
  useEffect(() => {
    if (editing !== null && !same(editing.draft, editing.base)) return;
    if (editing !== null) setFallbackDraft(null);
  }, [editing, setFallbackDraft]);

  const save = async () => {
    if (problems.length > 0) {
      setOutcome(null);
      setShowProblems(true);
      setFocusRequest((count) => count + 1);
      return;
    }
    const toSave = { ...draft, headers: withoutBlankHeaders(draft.headers) };
    setSaving(true);
    setOutcome(null);
    try {
      await setFallback(toSave);
      setFallbackDraft(null);
      setShowProblems(false);
      setOutcome({ ok: true, text: 'Saved.' });
    } catch (error) {
      setOutcome({ ok: false, text: describeError(error, 'Could not save the fallback.') });
    } finally {
      setSaving(false);
    }
  };

  return (
    <details className="fallback" data-testid="fallback" open={openAtFirst || undefined} ref={detailsRef}>
      <summary className="fallback-summary">
        <span className="fallback-title">Fallback</span>
        <span className="fallback-line">
          When nothing matches: {fallback.status} · {oneLine(fallback.body)}
        </span>
      </summary>
      <div className="fallback-body">
        <FieldProblems value={marked}>
          <Labeled label="Status" field="status">
            {(id, describedBy, invalid) => (
              <NumberInput
                id={id}
                className="input-mono input-narrow"
                value={draft.status}
                onChange={(status) => setDraft({ ...draft, status })}
                invalid={invalid}
                aria-describedby={describedBy}
                data-testid="fallback-status-input"
              />
            )}
          </Labeled>
        </FieldProblems>
        <HeaderPairsEditor
          label="Fallback headers"
          headers={draft.headers}
          onChange={(headers) => setDraft({ ...draft, headers })}
        />
        <div className="rule-field">
          <span className="rule-field-label">Body (sent as is)</span>
          <CodeEditor
            value={draft.body}
            onChange={(body) => setDraft({ ...draft, body })}
            ariaLabel="Fallback body"
            testId="fallback-body-editor"
          />
        </div>
        <div className="form-row">
          <button
            type="button"
            className="button button-primary button-small"
            disabled={saving || !dirty}
            onClick={() => void save()}
            data-testid="save-fallback"
          >
            {saving ? 'Saving…' : 'Save fallback'}
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={saving || !dirty}
            onClick={() => {
              setFallbackDraft(null);
              setOutcome(null);
            }}
          >
            Revert
          </button>
          {outcome && (
            <span
              className={outcome.ok ? 'form-note' : 'form-note form-note-error'}
              role={outcome.ok ? 'status' : 'alert'}
              data-testid="fallback-outcome"
            >
              {outcome.text}
            </span>
          )}
        </div>
      </div>
    </details>
  );
}
