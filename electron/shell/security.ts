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

/** Asks the user whether to open a URL; resolves true only on an explicit yes. */
export type ConfirmOpen = (url: string) => Promise<boolean>;

/** The part of Electron's `dialog.showMessageBox` a confirmation needs. */
export type ShowMessageBox = (options: {
  type: 'question';
  buttons: string[];
  defaultId: number;
  cancelId: number;
  message: string;
  detail: string;
  noLink: boolean;
}) => Promise<{ response: number }>;

/** Longest URL shown in the confirmation; the rest is elided so a huge one cannot hide the buttons. */
const SHOWN_URL_LENGTH = 500;

/**
 * A confirmation before a link leaves the app: a captured payload can carry any URL,
 * so the user sees where it goes, and Cancel is the default.
 */
export function confirmWithDialog(showMessageBox: ShowMessageBox): ConfirmOpen {
  return async (url) => {
    const shown = url.length > SHOWN_URL_LENGTH ? `${url.slice(0, SHOWN_URL_LENGTH)}…` : url;
    const { response } = await showMessageBox({
      type: 'question',
      buttons: ['Cancel', 'Open in browser'],
      defaultId: 0,
      cancelId: 0,
      message: 'Open this address in your browser?',
      detail: shown,
      noLink: true,
    });
    return response === 1;
  };
}

function openInBrowser(url: string, openExternal: OpenExternal, confirm?: ConfirmOpen): void {
  if (!isExternalWebUrl(url)) return;
  // No browser, the OS refused, or the dialog failed: nothing useful to tell the page.
  const ignore = () => {};
  if (!confirm) {
    openExternal(url).catch(ignore);
    return;
  }
  confirm(url)
    .then((yes) => (yes ? openExternal(url) : undefined))
    .catch(ignore);
}

const hardened = new WeakSet<WebContents>();

/**
 * Applies the navigation, window-open and webview guards once per web
 * contents. Called for the main window explicitly and for every other web
 * contents from `web-contents-created`, so the WeakSet avoids doubling up.
 */
export function hardenWebContents(
  contents: WebContents,
  openExternal: OpenExternal,
  confirm?: ConfirmOpen,
): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);

  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    openInBrowser(event.url, openExternal, confirm);
  });
  contents.setWindowOpenHandler(({ url }) => {
    openInBrowser(url, openExternal, confirm);
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
