import { WS_PATH } from '../../shared/contract';

const TOKEN_PARAM = 'token';
const TOKEN_STORAGE_KEY = 'hookbench.bridgeToken';

interface PageContext {
  location: Pick<Location, 'href' | 'search'>;
  history: Pick<History, 'replaceState' | 'state'>;
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
}

function sessionStorageOrNull(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    // Storage can be disabled by browser policy; the cookie still authenticates then.
    return null;
  }
}

function defaultContext(): PageContext {
  return { location: window.location, history: window.history, storage: sessionStorageOrNull() };
}

/**
 * Reads the bridge token the headless host put in the page URL, remembers it
 * for reloads in this tab, and removes it from the address bar so it does not
 * end up in screenshots, bookmarks or shared links.
 */
export function takeBridgeToken(context: PageContext = defaultContext()): string | null {
  const fromQuery = new URLSearchParams(context.location.search).get(TOKEN_PARAM);
  if (fromQuery) {
    try {
      context.storage?.setItem(TOKEN_STORAGE_KEY, fromQuery);
    } catch {
      // A full or blocked storage only costs the reload convenience.
    }
    const visible = new URL(context.location.href);
    visible.searchParams.delete(TOKEN_PARAM);
    context.history.replaceState(context.history.state, '', visible.pathname + visible.search + visible.hash);
    return fromQuery;
  }
  try {
    return context.storage?.getItem(TOKEN_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

/** The bridge's WebSocket URL on the page's own origin. */
export function bridgeUrl(pageHref: string, token: string | null): string {
  const url = new URL(WS_PATH, pageHref);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.hash = '';
  if (token) url.searchParams.set(TOKEN_PARAM, token);
  return url.toString();
}
