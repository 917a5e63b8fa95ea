import type { ComposerAuth, ComposerRequest } from '../../../shared/composer';

/**
 * Encrypts secrets at rest. The desktop app passes one built on Electron's
 * safeStorage (the OS keychain); the CLI and tests run without one, and then
 * secrets are stored as typed, like any other setting.
 */
export interface SecretBox {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
}

const SEALED = 'hookbench-sealed:v1:';
/** A template that only names an env variable holds no secret itself. */
const ENV_REFERENCE = /^\s*\{\{\s*env\.[A-Za-z_][\w]*\s*\}\}\s*$/;

function mapSecrets(auth: ComposerAuth, map: (value: string) => string): ComposerAuth {
  switch (auth.kind) {
    case 'bearer':
      return { ...auth, tokenTemplate: map(auth.tokenTemplate) };
    case 'basic':
      return { ...auth, passwordTemplate: map(auth.passwordTemplate) };
    case 'hmac':
      return { ...auth, secretTemplate: map(auth.secretTemplate) };
    default:
      return auth;
  }
}

/** The requests as written to disk: secrets sealed when a box is available. */
export function sealRequests(
  requests: readonly ComposerRequest[],
  box: SecretBox | undefined,
): ComposerRequest[] {
  if (!box) return [...requests];
  return requests.map((request) => ({
    ...request,
    auth: mapSecrets(request.auth, (value) =>
      value === '' || ENV_REFERENCE.test(value) ? value : `${SEALED}${box.encrypt(value)}`,
    ),
  }));
}

/** The requests as read from disk; a secret that cannot be opened here is emptied, and said so. */
export function openRequests(
  requests: readonly ComposerRequest[],
  box: SecretBox | undefined,
  warn: (message: string) => void,
): ComposerRequest[] {
  return requests.map((request) => ({
    ...request,
    auth: mapSecrets(request.auth, (value) => {
      if (!value.startsWith(SEALED)) return value;
      try {
        if (!box) throw new Error('no keychain here');
        return box.decrypt(value.slice(SEALED.length));
      } catch {
        warn(
          `The secret of the saved request "${request.name}" was encrypted by the desktop app and cannot be read here; enter it again.`,
        );
        return '';
      }
    }),
  }));
}

/** For files that leave the machine: secrets blanked unless the user asked to include them. */
export function withoutSecrets(requests: readonly ComposerRequest[]): ComposerRequest[] {
  return requests.map((request) => ({
    ...request,
    auth: mapSecrets(request.auth, (value) => (ENV_REFERENCE.test(value) ? value : '')),
  }));
}
