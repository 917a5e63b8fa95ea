/**
 * Secrets in exported files: a HAR export (from the UI command and from the
 * CLI) replaces the values of chosen headers — Authorization and Cookie by
 * default — so a file shared with a colleague or a vendor carries no
 * credentials. NDJSON is the full-fidelity backup format and is not redacted.
 */
import type { Har } from 'har-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { sendRaw } from '../helpers/http';
import { type RunningCore, startCore } from '../reliability/support/core';

const REDACTED = '[redacted by Hookbench]';
const SECRET_HEADERS: [string, string][] = [
  ['Authorization', 'Bearer sk_live_very_secret'],
  ['cookie', 'session=abc123; csrf=def456'],
  ['X-Api-Key', 'key-42'],
  ['X-Trace', 'visible'],
];

function requestHeaders(har: Har): Record<string, string> {
  return Object.fromEntries(har.log.entries[0]?.request.headers.map((h) => [h.name, h.value]) ?? []);
}

describe('HAR export redacts secrets', () => {
  let running: RunningCore;
  beforeAll(async () => {
    running = await startCore();
    await sendRaw(`${running.base}/secret`, { method: 'POST', headers: SECRET_HEADERS, body: '{"a":1}' });
  });
  afterAll(() => running.close());

  it('by default: Authorization and Cookie (any case) are replaced, other headers kept', async () => {
    const exported = await running.core.handlers.exportCaptures({ format: 'har', filter: '' });
    expect(exported.text).not.toContain('sk_live_very_secret');
    expect(exported.text).not.toContain('abc123');
    const headers = requestHeaders(JSON.parse(exported.text) as Har);
    expect(headers).toMatchObject({
      Authorization: REDACTED,
      cookie: REDACTED,
      'X-Api-Key': 'key-42',
      'X-Trace': 'visible',
    });
  });

  it('with a chosen list: exactly those headers, matched case-insensitively', async () => {
    const exported = await running.core.handlers.exportCaptures({
      format: 'har',
      filter: '',
      redactHeaders: ['x-api-key', 'AUTHORIZATION'],
    });
    const headers = requestHeaders(JSON.parse(exported.text) as Har);
    expect(headers).toMatchObject({
      Authorization: REDACTED,
      'X-Api-Key': REDACTED,
      cookie: 'session=abc123; csrf=def456',
    });
  });

  it('hookbench export --format har redacts by default, and --redact chooses the list', async () => {
    await running.core.close(); // the CLI opens the store on its own
    const cli = runCli(['export', '--data', running.dataDir, '--format', 'har']);
    expect(cli.status).toBe(0);
    expect(cli.stdout).not.toContain('sk_live_very_secret');
    expect(requestHeaders(JSON.parse(cli.stdout) as Har)).toMatchObject({
      Authorization: REDACTED,
      cookie: REDACTED,
    });
    const chosen = runCli(['export', '--data', running.dataDir, '--format', 'har', '--redact', 'x-trace']);
    expect(requestHeaders(JSON.parse(chosen.stdout) as Har)).toMatchObject({
      'X-Trace': REDACTED,
      Authorization: 'Bearer sk_live_very_secret',
    });
  });
});
