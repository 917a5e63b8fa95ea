import { LoaderCircle, MousePointerClick } from 'lucide-react';
import { useState } from 'react';
import { type PresetId, presetRule } from '../../../shared/presets';
import type { Rule } from '../../../shared/rules';
import { describeError } from '../../client';
import { hasUnsavedRule } from '../../state/rulesStore';
import { useRules } from '../../state/StoresContext';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { Notice, RetryNotice } from '../../ui/Notice';
import { AddRuleMenu } from './AddRuleMenu';
import { FallbackEditor } from './FallbackEditor';
import { RuleEditor } from './RuleEditor';
import { RuleList } from './RuleList';
import { RuleTransfer } from './RuleTransfer';
import { newRuleId } from './ruleFormat';
import './responders.css';

export function RespondersView() {
  const rules = useRules((s) => s.rules);
  const hits = useRules((s) => s.hits);
  const fallback = useRules((s) => s.fallback);
  const status = useRules((s) => s.status);
  const loadError = useRules((s) => s.loadError);
  const load = useRules((s) => s.load);
  const saveRule = useRules((s) => s.saveRule);
  const deleteRule = useRules((s) => s.deleteRule);

  // The selection and the draft live in the store, so they outlast a visit to another screen.
  const selectedId = useRules((s) => s.selectedId);
  const selectRule = useRules((s) => s.selectRule);
  const setRuleDraft = useRules((s) => s.setRuleDraft);
  const dirty = useRules(hasUnsavedRule);
  // Where the user asked to go while the editor had unsaved changes (undefined: not asking).
  const [leaveTo, setLeaveTo] = useState<string | undefined>(undefined);
  const [deleting, setDeleting] = useState<{ rule: Rule; busy: boolean } | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  // A deleted (or not yet chosen) selection falls back to the first rule.
  const current = rules.find((rule) => rule.id === selectedId) ?? rules[0] ?? null;

  const select = (id: string) => {
    if (id === current?.id) return;
    if (dirty) setLeaveTo(id);
    else selectRule(id);
  };

  const create = async (preset: PresetId) => {
    setActionError(null);
    try {
      const rule = presetRule(preset, newRuleId);
      await saveRule(rule);
      select(rule.id);
    } catch (error) {
      setActionError(describeError(error, 'Could not add the rule.'));
    }
  };

  const confirmDelete = async () => {
    if (!deleting) return;
    setDeleting({ ...deleting, busy: true });
    try {
      await deleteRule(deleting.rule.id);
    } catch (error) {
      setActionError(describeError(error, 'Could not delete the rule.'));
    }
    setDeleting(null);
  };

  const ready = status === 'ready';
  return (
    <div className="responders-view" data-testid="responders-view">
      <div className="toolbar">
        <h1 className="toolbar-title">Responders</h1>
        <span className="muted">First enabled rule that matches answers; otherwise the fallback.</span>
        <div className="toolbar-actions">
          <RuleTransfer onError={setActionError} />
          <AddRuleMenu onCreate={(preset) => void create(preset)} disabled={!ready} />
        </div>
        {actionError && <Notice onDismiss={() => setActionError(null)}>{actionError}</Notice>}
        {loadError && <RetryNotice onRetry={() => void load()}>{loadError}</RetryNotice>}
      </div>
      {!ready && !loadError ? (
        <div className="pane-placeholder responders-loading" aria-busy>
          <LoaderCircle size={20} className="spin" aria-hidden />
          <span>Loading rules…</span>
        </div>
      ) : (
        <div className="responders-split">
          <section className="rule-pane" aria-label="Rules">
            <ErrorBoundary area="the rule list">
              <div className="rule-pane-scroll">
                {rules.length === 0 && (
                  <p className="muted rule-list-empty">
                    No rules: every request gets the fallback. Add a rule to answer differently.
                  </p>
                )}
                <RuleList rules={rules} hits={hits} selectedId={current?.id ?? null} onSelect={select} />
              </div>
              {fallback && <FallbackEditor fallback={fallback} />}
            </ErrorBoundary>
          </section>
          <section className="rule-detail-pane" aria-label="Rule editor">
            <ErrorBoundary area="the rule editor" key={current?.id ?? 'none'}>
              {current ? (
                <RuleEditor
                  key={current.id}
                  rule={current}
                  onDelete={(rule) => setDeleting({ rule, busy: false })}
                />
              ) : (
                <div className="pane-placeholder rule-placeholder">
                  <MousePointerClick size={28} aria-hidden />
                  <p>Add a rule to edit it here.</p>
                </div>
              )}
            </ErrorBoundary>
          </section>
        </div>
      )}
      <ConfirmDialog
        open={leaveTo !== undefined}
        title="Discard unsaved changes?"
        confirmLabel="Discard"
        confirmTestId="confirm-discard"
        danger
        onConfirm={() => {
          setRuleDraft(null);
          if (leaveTo !== undefined) selectRule(leaveTo);
          setLeaveTo(undefined);
        }}
        onCancel={() => setLeaveTo(undefined)}
      >
        <p>The rule you are editing has changes that are not saved. They are lost if you switch rules.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this rule?"
        confirmLabel={deleting?.busy ? 'Deleting…' : 'Delete'}
        confirmTestId="confirm-delete-rule"
        danger
        busy={deleting?.busy ?? false}
        onConfirm={() => void confirmDelete()}
        onCancel={() => setDeleting(null)}
      >
        <p>
          “{deleting?.rule.name || 'Unnamed rule'}” stops answering at once. Export the rules first if you may
          want it back.
        </p>
      </ConfirmDialog>
    </div>
  );
}
