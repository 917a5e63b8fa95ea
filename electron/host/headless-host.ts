import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { WS_MAX_FRAME_BYTES, WS_PATH } from '../../shared/contract';
import type { HookbenchCore } from '../core/types';
import { readStaticFile, UI_CONTENT_SECURITY_POLICY } from './static-files';
import { cookieValues, newAccessToken, TOKEN_COOKIE, tokenMatches } from './token';
import { attachBridge } from './ws-bridge';

/** The same policy the Electron window gets; the bridge is the only place the page may connect to. */
export const HEADLESS_CSP = UI_CONTENT_SECURITY_POLICY;

export interface HeadlessHostOptions {
  core: HookbenchCore;
  /** Folder of the built renderer (index.html and assets). */
  rendererDir: string;
  host?: string;
  port?: number;
  /** Fixed token (tests); a random one otherwise. */
  token?: string;
}

export interface HeadlessHost {
  readonly port: number;
  readonly token: string;
  /** The UI address to open, token included. */
  readonly url: string;
  close(): Promise<void>;
}

/** Thrown when the UI port cannot be bound; the CLI turns it into one line. */
export class HostListenError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/**
 * Serves the built UI and the contract over a WebSocket, for a browser instead
 * of an Electron window. It is the control surface of the app, so every request
 * needs the token, and the Host and Origin headers must name this server (which
 * stops DNS-rebinding pages and cross-site WebSockets).
 */
export async function startHeadlessHost(options: HeadlessHostOptions): Promise<HeadlessHost> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? newAccessToken();
  let port = options.port ?? 7701;
  const wss = new WebSocketServer({ noServer: true, maxPayload: WS_MAX_FRAME_BYTES });

  const hostAllowed = (req: IncomingMessage) =>
    allowedHosts(host, port).has((req.headers.host ?? '').toLowerCase());
  // Browsers send Origin on cross-site requests and WebSockets; only this server's own pages may talk to it.
  const originAllowed = (req: IncomingMessage) =>
    req.headers.origin === undefined || allowedOrigins(host, port).has(req.headers.origin.toLowerCase());
  const authorised = (req: IncomingMessage, url: URL) =>
    tokenMatches(token, url.searchParams.get('token')) ||
    cookieValues(req.headers.cookie, TOKEN_COOKIE).some((value) => tokenMatches(token, value));

  const server = createServer((req, res) => {
    void serveHttp(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  async function serveHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = requestUrl(req);
    if (url === null) return plain(res, 400, 'Bad request target.');
    if (!hostAllowed(req)) return plain(res, 421, 'Unknown host.');
    if (!originAllowed(req)) return plain(res, 403, 'Requests from other sites are refused.');
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Only GET is served here.');
    if (!authorised(req, url)) {
      return plain(
        res,
        401,
        'Hookbench needs its access token: open the UI address that `hookbench serve` printed.',
      );
    }
    const file = await readStaticFile(options.rendererDir, url.pathname);
    if (!file) return plain(res, 404, 'Not found.');
    const headers: Record<string, string> = {
      'Content-Type': file.contentType,
      'Content-Length': String(file.body.byteLength),
      'Content-Security-Policy': HEADLESS_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    };
    // The page keeps working after the token leaves the address bar: later requests carry the cookie.
    if (url.searchParams.has('token')) {
      headers['Set-Cookie'] =
        `${TOKEN_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`;
    }
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node hands an upgrade's socket over without its error listener, and anything thrown here
    // escapes to the process: either would let any web page (`new WebSocket('ws://127.0.0.1:7701//')`)
    // or a client resetting the connection stop the whole app, receiver included.
    socket.on('error', () => socket.destroy());
    const url = requestUrl(req);
    if (
      url === null ||
      url.pathname !== WS_PATH ||
      !hostAllowed(req) ||
      !originAllowed(req) ||
      !authorised(req, url)
    ) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => attachBridge(ws, options.core));
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new HostListenError(
      code === 'EADDRINUSE'
        ? `UI port ${port} on ${host} is already in use by another program.`
        : `Could not serve the UI on ${host}:${port}: ${(error as Error).message}`,
      code,
    );
  }
  port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;

  return {
    port,
    token,
    url: `http://${shownHost}:${port}/?token=${encodeURIComponent(token)}`,
    async close() {
      for (const client of wss.clients) client.close(1001, 'Hookbench is stopping');
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** The request target as a URL, or null when it is not one (`//`, `//[`: the WHATWG parser throws on them). */
function requestUrl(req: IncomingMessage): URL | null {
  return URL.parse(req.url ?? '/', 'http://host.invalid');
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Security-Policy': "default-src 'none'",
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(`${text}\n`);
}

function allowedHosts(host: string, port: number): Set<string> {
  const names = new Set([host, 'localhost', '127.0.0.1', '[::1]']);
  if (host.includes(':')) names.add(`[${host}]`);
  return new Set([...names].map((name) => `${name}:${port}`.toLowerCase()));
}

function allowedOrigins(host: string, port: number): Set<string> {
  return new Set([...allowedHosts(host, port)].map((h) => `http://${h}`));
}
