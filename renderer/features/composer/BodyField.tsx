import { useMemo } from 'react';
import type { ComposerBodyMode } from '../../../shared/composer';
import type { MissingPolicy } from '../../state/composerStore';
import { useComposer } from '../../state/StoresContext';
import { CodeEditor } from '../../ui/editor/CodeEditor';
import type { EditorProblems } from '../../ui/editor/diagnostics';
import { TemplateHelp } from '../../ui/editor/TemplateHelp';
import { bodyEditorProblems } from './composerFormat';
import { type Choice, Field, Segmented } from './fields';
import { PartProblems } from './PartProblems';
import { COMPOSER_VARIABLES, MODE_HELP, useComposerTemplateSupport } from './templateSupport';
import type { PreviewOutcome } from './usePreview';

const MODES: readonly Choice<ComposerBodyMode>[] = [
  { value: 'json-safe', label: 'JSON-safe', description: 'Values are escaped; the body stays valid JSON.' },
  {
    value: 'raw',
    label: 'Platform-compatible (raw)',
    description: 'Values inserted as they are, like the platform: a quote breaks the JSON.',
  },
];

const MISSING: readonly Choice<MissingPolicy>[] = [
  { value: 'flag', label: 'Flag missing fields', description: 'Each reference to absent data is listed.' },
  {
    value: 'empty',
    label: 'Render empty like the platform',
    description: 'Absent data renders as nothing, silently.',
  },
];

/** The body template: content type, render mode, the editor with its findings underlined, and help. */
export function BodyField({ outcome }: { outcome: PreviewOutcome }) {
  const draft = useComposer((s) => s.draft);
  const missing = useComposer((s) => s.missing);
  const editDraft = useComposer((s) => s.editDraft);
  const setMissing = useComposer((s) => s.setMissing);
  const { helpers, completions } = useComposerTemplateSupport();
  const { preview, bodySource } = outcome;

  // Underlines belong to the text they were found in; CodeEditor drops them once the text moves on.
  const problems = useMemo((): EditorProblems | null => {
    if (!preview || bodySource === null) return null;
    return { source: bodySource, items: bodyEditorProblems(preview, missing) };
  }, [preview, bodySource, missing]);
  const hasErrors = problems?.items.some((item) => item.severity === 'error') ?? false;

  return (
    <section className="composer-section" aria-labelledby="composer-body-title">
      <div className="composer-section-head">
        <h3 id="composer-body-title" className="composer-section-title">
          Body
        </h3>
        <TemplateHelp helpers={helpers} variables={COMPOSER_VARIABLES} intro={MODE_HELP[draft.bodyMode]} />
      </div>
      <Field
        label="Content type"
        hint={
          draft.method === 'GET'
            ? 'GET sends no body, so no Content-Type.'
            : 'JSON types get the doctor’s check.'
        }
        className="composer-content-type"
      >
        {(id, hintId) => (
          <input
            id={id}
            className="input input-mono"
            value={draft.contentType}
            list="composer-content-types"
            aria-describedby={hintId}
            onChange={(event) => editDraft({ contentType: event.target.value })}
            data-testid="composer-content-type"
          />
        )}
      </Field>
      <datalist id="composer-content-types">
        <option value="application/json" />
        <option value="application/x-www-form-urlencoded" />
        <option value="text/plain" />
      </datalist>
      <div className="composer-switches">
        <Segmented
          legend="Render mode"
          name="mode"
          value={draft.bodyMode}
          choices={MODES}
          onChange={(bodyMode) => editDraft({ bodyMode })}
          testId="composer-mode"
        />
        <Segmented
          legend="Missing data"
          name="missing"
          value={missing}
          choices={MISSING}
          onChange={setMissing}
          testId="composer-missing"
        />
      </div>
      <CodeEditor
        value={draft.bodyTemplate}
        onChange={(bodyTemplate) => editDraft({ bodyTemplate })}
        ariaLabel="Body template"
        language="json"
        handlebars
        problems={problems}
        completions={completions}
        testId="composer-body-editor"
        invalid={hasErrors}
      />
      {/* The lint is listed in the preview; here only what stops the template from rendering. */}
      <PartProblems
        preview={preview}
        parts={['body']}
        label="Body problems"
        testId="body-problems"
        withLint={false}
      />
    </section>
  );
}
