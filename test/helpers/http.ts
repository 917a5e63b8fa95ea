import { request } from 'node:http';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/**
 * Sends one request with headers given as raw [name, value] pairs, so tests can
 * control case, order and repeats exactly (fetch would normalise them).
 */
export function sendRaw(
  url: string,
  options: { method?: string; headers?: [string, string][]; body?: Uint8Array | string } = {},
): Promise<RawResponse> {
  // Raw header arrays are sent as given, so add what HTTP/1.1 requires unless the test set it.
  const headers: [string, string][] = [...(options.headers ?? [])];
  const has = (name: string) => headers.some(([n]) => n.toLowerCase() === name);
  if (!has('host')) headers.unshift(['Host', new URL(url).host]);
  if (options.body !== undefined && !has('content-length') && !has('transfer-encoding')) {
    headers.push(['Content-Length', String(Buffer.byteLength(options.body))]);
  }
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: headers.flat() }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
