import { useReplay } from '../../state/StoresContext';
import { replayUrl, urlProblem } from './drafts';
import { Check, Field, Section } from './fields';

/** Where replays go and how they are sent; shared by the single and the bulk replay. */
export function TargetForm() {
  const target = useReplay((s) => s.target);
  const setTarget = useReplay((s) => s.setTarget);
  const example = replayUrl(target.targetUrl, target.rebase, '/sms/status?x=1');
  const typed = target.targetUrl.trim() !== '';
  const problem = typed ? urlProblem(target.targetUrl, 'The target') : null;

  return (
    <Section title="Target">
      <Field
        label="Target URL"
        hint={
          problem ??
          (example
            ? `A capture of /sms/status?x=1 goes to ${example}`
            : 'The server that gets the replays, e.g. http://127.0.0.1:3000/api.')
        }
      >
        {(id, hintId) => (
          <input
            id={id}
            className="input input-mono"
            value={target.targetUrl}
            placeholder="http://127.0.0.1:3000"
            spellCheck={false}
            autoComplete="off"
            aria-describedby={hintId}
            aria-invalid={problem ? true : undefined}
            data-testid="replay-target-input"
            onChange={(event) => setTarget({ targetUrl: event.target.value })}
          />
        )}
      </Field>
      <Check checked={target.rebase} onChange={(rebase) => setTarget({ rebase })} testId="replay-rebase">
        Append the captured path and query to the target URL
      </Check>
      <div className="replay-grid">
        <Field label="Leave out headers" hint="Names, separated by commas (any case).">
          {(id, hintId) => (
            <input
              id={id}
              className="input input-mono"
              value={target.dropHeaders}
              placeholder="x-signature, cookie"
              spellCheck={false}
              autoComplete="off"
              aria-describedby={hintId}
              data-testid="replay-drop-headers"
              onChange={(event) => setTarget({ dropHeaders: event.target.value })}
            />
          )}
        </Field>
        <Field label="Timeout (ms)">
          {(id) => (
            <input
              id={id}
              className="input"
              inputMode="numeric"
              value={target.timeoutMs}
              autoComplete="off"
              data-testid="replay-timeout"
              onChange={(event) => setTarget({ timeoutMs: event.target.value })}
            />
          )}
        </Field>
      </div>
      <Field
        label="Set headers"
        hint="One “Name: value” per line; replaces a captured header of the same name. Host and Content-Length are always set anew."
      >
        {(id, hintId) => (
          <textarea
            id={id}
            className="input replay-textarea input-mono"
            rows={2}
            value={target.overrideHeaders}
            placeholder="Authorization: Bearer test-token"
            spellCheck={false}
            aria-describedby={hintId}
            data-testid="replay-override-headers"
            onChange={(event) => setTarget({ overrideHeaders: event.target.value })}
          />
        )}
      </Field>
      <div className="replay-checks">
        <Check
          checked={target.followRedirects}
          onChange={(followRedirects) => setTarget({ followRedirects })}
          testId="replay-follow-redirects"
        >
          Follow redirects
        </Check>
        <Check
          checked={target.verifyTls}
          onChange={(verifyTls) => setTarget({ verifyTls })}
          testId="replay-verify-tls"
        >
          Verify TLS certificates
        </Check>
      </div>
    </Section>
  );
}
