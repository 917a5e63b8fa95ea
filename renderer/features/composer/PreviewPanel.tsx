import { LoaderCircle } from 'lucide-react';
import type { RequestPreview } from '../../../shared/composer';
import { useComposer } from '../../state/StoresContext';
import { CopyButton } from '../../ui/CopyButton';
import { PairsTable } from '../../ui/PairsTable';
import { jsonErrorPlace, visibleLint } from './composerFormat';
import { DataSetChecks } from './DataSetChecks';
import { LintList } from './LintList';
import type { PreviewOutcome } from './usePreview';

/** The body template's syntax error, if any: the body is then not rendered, checked or linted. */
function bodySyntaxError(preview: RequestPreview) {
  return preview.problems.find((problem) => problem.part === 'body' && problem.kind === 'syntax');
}

/** "Valid JSON", "Not valid JSON" or why the body is not checked as JSON. */
function bodyVerdict(preview: RequestPreview): { text: string; tone: 'ok' | 'bad' | 'plain' } {
  const { diagnosis } = preview;
  const syntax = bodySyntaxError(preview);
  if (syntax)
    return {
      text: `Not rendered: the body template has a syntax error at line ${syntax.line}, column ${syntax.column}. ${syntax.message}`,
      tone: 'bad',
    };
  if (diagnosis === null)
    return { text: 'Not checked as JSON (the content type is not JSON)', tone: 'plain' };
  if (!diagnosis.valid) return { text: 'Not valid JSON', tone: 'bad' };
  if (diagnosis.kind === 'not-json') return { text: diagnosis.reason, tone: 'plain' };
  return { text: 'Valid JSON', tone: 'ok' };
}

function JsonError({ preview }: { preview: RequestPreview }) {
  const { jsonError, diagnosis } = preview;
  if (!jsonError) return null;
  const cause = diagnosis && !diagnosis.valid ? diagnosis.causes[0] : undefined;
  return (
    <div className="composer-json-error" role="alert" data-testid="preview-json-error">
      <p>
        <strong>The rendered body is not valid JSON</strong> at {jsonErrorPlace(jsonError)}:{' '}
        {jsonError.message}.
      </p>
      {jsonError.line !== null && (
        <p className="composer-hint">
          In the rendered body: line {jsonError.outputLine}, column {jsonError.outputColumn}.
        </p>
      )}
      {cause && (
        <details className="composer-doctor">
          <summary>
            <strong>{cause.title}.</strong> Why, and how to fix it
          </summary>
          <p>{cause.explanation}</p>
          <p>
            <em>Fix:</em> {cause.fix}
          </p>
        </details>
      )}
    </div>
  );
}

/** The request as it would go out, rendered with the data on screen, and what is wrong with it. */
export function PreviewPanel({ outcome }: { outcome: PreviewOutcome }) {
  const missing = useComposer((s) => s.missing);
  const mode = useComposer((s) => s.draft.bodyMode);
  const { preview, error, pending } = outcome;

  return (
    <div className="composer-preview" data-testid="composer-preview" aria-busy={pending}>
      <div className="composer-preview-status">
        <span className={mode === 'raw' ? 'composer-mode-badge composer-mode-raw' : 'composer-mode-badge'}>
          {mode === 'raw'
            ? 'Platform-compatible (raw): values are not escaped'
            : 'JSON-safe: values are escaped'}
        </span>
        {pending && <LoaderCircle size={13} className="spin" aria-label="Updating the preview" />}
      </div>
      {error && (
        <p className="error-box composer-error" role="alert" data-testid="preview-error">
          Preview not updated: {error}
        </p>
      )}
      {!preview ? (
        !error && <p className="composer-hint">Rendering…</p>
      ) : (
        <>
          <p className="composer-request-summary">
            <span className={`composer-method composer-method-${preview.method.toLowerCase()}`}>
              {preview.method}
            </span>
            <span className="composer-url-text" data-testid="preview-url">
              {preview.url}
            </span>
            <CopyButton text={preview.url} label="Copy the URL" />
          </p>
          {preview.query && (
            <>
              <h4 className="composer-subtitle">Query string (from the body’s fields)</h4>
              <PairsTable
                pairs={preview.query}
                label="Query parameters"
                empty="No parameters."
                emptyClassName="composer-hint"
              />
            </>
          )}
          <h4 className="composer-subtitle">
            Body{' '}
            <span className="composer-subtitle-note">
              {preview.method === 'GET' ? 'not sent (GET)' : `${preview.bodyBytes} bytes`}
            </span>
          </h4>
          {preview.method === 'POST' && (
            <p
              className={`composer-verdict composer-verdict-${bodyVerdict(preview).tone}`}
              data-testid="preview-verdict"
            >
              {bodyVerdict(preview).text}
            </p>
          )}
          <pre className="code-block composer-code" data-testid="preview-body-text">
            {preview.body}
          </pre>
          <JsonError preview={preview} />
          <h4 className="composer-subtitle">Lint</h4>
          {bodySyntaxError(preview) ? (
            <p className="composer-hint" data-testid="lint-empty">
              Not linted until the body template’s syntax error is fixed.
            </p>
          ) : (
            <LintList findings={visibleLint(preview.lint, missing)} />
          )}
          <h4 className="composer-subtitle">Headers</h4>
          <PairsTable
            pairs={preview.headers}
            label="Headers to send"
            empty="No headers."
            emptyClassName="composer-hint"
            testId="preview-headers"
          />
        </>
      )}
      <DataSetChecks />
    </div>
  );
}
