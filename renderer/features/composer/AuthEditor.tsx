import type { ComposerAuth, RequestPreview } from '../../../shared/composer';
import { useComposer } from '../../state/StoresContext';
import { Field } from './fields';
import { PartProblems } from './PartProblems';

type AuthKind = ComposerAuth['kind'];

const DEFAULTS: Record<AuthKind, ComposerAuth> = {
  none: { kind: 'none' },
  bearer: { kind: 'bearer', tokenTemplate: '{{env.TOKEN}}' },
  basic: { kind: 'basic', user: '', passwordTemplate: '{{env.PASSWORD}}' },
  hmac: {
    kind: 'hmac',
    headerName: 'X-Signature',
    secretTemplate: '{{env.SECRET}}',
    algorithm: 'sha256',
    encoding: 'hex',
    prefix: 'sha256=',
  },
};

const KIND_HINT: Record<AuthKind, string> = {
  none: 'No authentication header is added.',
  bearer: 'Adds Authorization: Bearer <token>.',
  basic: 'Adds Authorization: Basic with the user and password, base64-encoded.',
  hmac: 'Signs the exact body bytes sent (the empty string for GET) with HMAC-SHA256 and puts the digest in a header.',
};

function isAuthKind(value: string): value is AuthKind {
  return Object.hasOwn(DEFAULTS, value);
}

function TemplateInput({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <Field label={label}>
      {(id) => (
        <input
          id={id}
          className="input input-mono"
          value={value}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

/** Authentication added after rendering; secrets are best kept in env variables, not in the request. */
export function AuthEditor({ preview }: { preview: RequestPreview | null }) {
  const auth = useComposer((s) => s.draft.auth);
  const editDraft = useComposer((s) => s.editDraft);
  const setAuth = (next: ComposerAuth) => editDraft({ auth: next });

  return (
    <section className="composer-section" aria-labelledby="composer-auth-title">
      <h3 id="composer-auth-title" className="composer-section-title">
        Auth
      </h3>
      <div className="composer-grid">
        <Field label="Kind" hint={KIND_HINT[auth.kind]}>
          {(id, hintId) => (
            <select
              id={id}
              className="input"
              value={auth.kind}
              aria-describedby={hintId}
              onChange={(event) => {
                if (isAuthKind(event.target.value)) setAuth(DEFAULTS[event.target.value]);
              }}
              data-testid="composer-auth"
            >
              <option value="none">None</option>
              <option value="bearer">Bearer token</option>
              <option value="basic">Basic</option>
              <option value="hmac">HMAC signature header</option>
            </select>
          )}
        </Field>
        {auth.kind === 'bearer' && (
          <TemplateInput
            label="Token template"
            value={auth.tokenTemplate}
            onChange={(tokenTemplate) => setAuth({ ...auth, tokenTemplate })}
          />
        )}
        {auth.kind === 'basic' && (
          <>
            <TemplateInput label="User" value={auth.user} onChange={(user) => setAuth({ ...auth, user })} />
            <TemplateInput
              label="Password template"
              value={auth.passwordTemplate}
              onChange={(passwordTemplate) => setAuth({ ...auth, passwordTemplate })}
            />
          </>
        )}
        {auth.kind === 'hmac' && (
          <>
            <TemplateInput
              label="Header name"
              value={auth.headerName}
              onChange={(headerName) => setAuth({ ...auth, headerName })}
            />
            <TemplateInput
              label="Secret template"
              value={auth.secretTemplate}
              onChange={(secretTemplate) => setAuth({ ...auth, secretTemplate })}
            />
            <Field label="Digest encoding">
              {(id) => (
                <select
                  id={id}
                  className="input"
                  value={auth.encoding}
                  onChange={(event) =>
                    setAuth({ ...auth, encoding: event.target.value === 'base64' ? 'base64' : 'hex' })
                  }
                >
                  <option value="hex">hex</option>
                  <option value="base64">base64</option>
                </select>
              )}
            </Field>
            <TemplateInput
              label="Prefix"
              value={auth.prefix}
              onChange={(prefix) => setAuth({ ...auth, prefix })}
            />
          </>
        )}
      </div>
      <PartProblems preview={preview} parts={['auth']} label="Auth problems" testId="auth-problems" />
    </section>
  );
}
