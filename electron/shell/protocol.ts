/**
 * The renderer is served from a privileged custom scheme instead of file://,
 * so the page gets a real, stable origin (`hookbench://app`) that the IPC
 * sender check and the CSP can pin down, and only files under the built
 * renderer folder are reachable from it.
 *
 * This module never imports Electron at runtime: the handler is a plain
 * fetch-style `(Request) => Promise<Response>`, testable in Node.
 */
import { readStaticFile, resolveStaticFile, UI_CONTENT_SECURITY_POLICY } from '../host/static-files';

export const APP_SCHEME = 'hookbench';
export const APP_HOST = 'app';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Privileges for `protocol.registerSchemesAsPrivileged`. `standard` gives the
 * scheme a tuple origin and relative URL resolution, `secure` makes it a
 * secure context, `supportFetchAPI` lets the page fetch its own assets.
 * CORS stays off on purpose, so other origins cannot read from the scheme.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const;

/** Sent on every response of the scheme, errors included (the same policy the headless host sends). */
export const CONTENT_SECURITY_POLICY = UI_CONTENT_SECURITY_POLICY;

/** True for URLs of the app's own pages (compares protocol and host: custom schemes may have an opaque `origin`). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Maps an app URL to a file strictly inside `rootDir`, or null. */
export function resolveRendererFile(rootDir: string, url: string): string | null {
  if (!isAppUrl(url)) return null;
  return resolveStaticFile(rootDir, new URL(url).pathname);
}

function textResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** The `protocol.handle` handler serving the built renderer from `rootDir`. */
export function createRendererHandler(rootDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
    if (!isAppUrl(request.url)) return textResponse(404, 'Not found');
    const file = await readStaticFile(rootDir, new URL(request.url).pathname);
    if (file === null) return textResponse(404, 'Not found');
    const body = new Uint8Array(file.body);
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: {
        'Content-Type': file.contentType,
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        // The files change with every build; never serve a stale bundle after an update.
        'Cache-Control': 'no-cache',
      },
    });
  };
}
