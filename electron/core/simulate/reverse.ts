import type { LoadReport, ReverseSimulationOptions } from '../../../shared/replay';
import { sendHttp } from '../http/index';
import { runLoad } from './load';

const CHANNELS = ['Email', 'SMS', 'Push'];

/** One reverse-integration call's fields, as the CRM platform fills them (seed 000). */
export function reverseEvent(index: number, now: number): Record<string, string | number> {
  return {
    login: String(100_000 + index),
    time: now,
    view_url: `https://view.example.com/assets/${index}`,
    channel: CHANNELS[index % CHANNELS.length] as string,
    campaign_name: 'RND Flow',
  };
}

/**
 * Plays the CRM platform's reverse integration: POST JSON (or GET with the
 * fields in the query string), N calls at R per second.
 */
export function simulateReverse(
  options: ReverseSimulationOptions,
  signal?: AbortSignal,
): Promise<LoadReport> {
  return runLoad(
    options.count,
    options.ratePerSecond,
    (i) => {
      const event = reverseEvent(i, Date.now());
      const sendOptions = {
        timeoutMs: options.timeoutMs,
        followRedirects: false,
        verifyTls: options.verifyTls !== false,
      };
      if (options.method === 'GET') {
        const url = new URL(options.targetUrl);
        for (const [key, value] of Object.entries(event)) url.searchParams.set(key, String(value));
        return sendHttp({ method: 'GET', url: url.href, headers: [], body: null }, sendOptions);
      }
      return sendHttp(
        {
          method: 'POST',
          url: options.targetUrl,
          headers: [['Content-Type', 'application/json']],
          body: Buffer.from(JSON.stringify(event)),
        },
        sendOptions,
      );
    },
    signal,
    (i) => `login ${reverseEvent(i, 0).login}`,
  );
}
