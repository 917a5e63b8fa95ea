/**
 * Guards for every web contents the app creates: the page may only ever show
 * the app's own scheme, never open windows or attach webviews, and never gets
 * a browser permission (camera, notifications, ...), since the UI needs none.
 */
import type { Session, WebContents } from 'electron';
import { isAppUrl } from './protocol';

export type OpenExternal = (url: string) => Promise<void>;

/** Only web links leave the app, and only to the user's browser. */
export function isExternalWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

function openInBrowser(url: string, openExternal: OpenExternal): void {
  if (!isExternalWebUrl(url)) return;
  openExternal(url).catch(() => {
    // No browser or the OS refused: nothing useful to tell the page.
  });
}

const hardened = new WeakSet<WebContents>();

/**
 * Applies the navigation, window-open and webview guards once per web
 * contents. Called for the main window explicitly and for every other web
 * contents from `web-contents-created`, so the WeakSet avoids doubling up.
 */
export function hardenWebContents(contents: WebContents, openExternal: OpenExternal): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);

  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    openInBrowser(event.url, openExternal);
  });
  contents.setWindowOpenHandler(({ url }) => {
    openInBrowser(url, openExternal);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/** Refuses every permission request and answers every permission check with "no". */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => {
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
}
