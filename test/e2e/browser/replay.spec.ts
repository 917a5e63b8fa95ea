import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { sendRaw } from '../../helpers/http';
import { expect, test } from './fixtures';

const STATUS_BATCH =
  '[{"id_sms":3234,"time":"2011-01-01 12:57:46","state":"deliver"},{"id_sms":3235,"time":"","state":"send"}]';

interface Received {
  method: string;
  url: string;
  rawHeaders: string[];
  body: Buffer;
}

/** A stand-in for "the integrator's server, build B": records each request, answers 202 with its own JSON. */
/** A target answering 202 with JSON; `gzip`: compressed, as servers answer an Accept-Encoding: gzip. */
async function startTarget(
  gzip = false,
): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        rawHeaders: req.rawHeaders,
        body: Buffer.concat(chunks),
      });
      const answer = '[{"id_sms":3234,"accepted":true}]';
      res.writeHead(202, {
        'Content-Type': 'application/json',
        'X-Handled-By': 'build-b',
        ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
      });
      res.end(gzip ? gzipSync(answer) : answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function openReplay(page: Page, uiUrl: string): Promise<void> {
  await page.goto(uiUrl);
  await page.getByTestId('nav-replay').click();
  await expect(page.getByTestId('replay-view')).toBeVisible();
}

/** Opens Replay, aims it at `targetUrl` and sends the newest capture whose path shows `path`. */
async function replayOneTo(page: Page, uiUrl: string, targetUrl: string, path: string): Promise<void> {
  await openReplay(page, uiUrl);
  await page.getByTestId('replay-target-input').fill(targetUrl);
  const select = page.getByTestId('replay-capture-select');
  const option = select.locator('option', { hasText: path }).first();
  await expect(option).toBeAttached();
  await select.selectOption((await option.getAttribute('value')) ?? '');
  await page.getByTestId('replay-send').click();
}

test('one capture replayed to another server: exact bytes, then compared with the original answer', async ({
  app,
  page,
}) => {
  const target = await startTarget();
  try {
    const answer = await sendRaw(`${app.receiverUrl}sms/status`, {
      method: 'POST',
      headers: [
        ['Content-Type', 'application/json'],
        ['X-Signature', 'sig-123'],
      ],
      body: STATUS_BATCH,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.toString('utf8')).toBe('[{"id_sms":3234},{"id_sms":3235}]');

    await replayOneTo(page, app.uiUrl, target.url, '/sms/status');

    await expect.poll(() => target.received.length).toBe(1);
    const [sent] = target.received;
    expect(sent?.method).toBe('POST');
    // Rebase (on by default) appends the captured path to the target.
    expect(sent?.url).toBe('/sms/status');
    expect(sent?.body.equals(Buffer.from(STATUS_BATCH))).toBe(true);
    expect(sent?.rawHeaders).toContain('X-Signature');

    const result = page.getByTestId('replay-result').first();
    await expect(result.getByTestId('replay-result-status')).toHaveText('202');
    await result.getByRole('button').click();
    const detail = page.getByTestId('replay-detail');
    await expect(detail.getByTestId('replay-response-status')).toContainText('202');
    await expect(detail.getByTestId('replay-request-body')).toHaveText(STATUS_BATCH);
    await expect(detail.getByTestId('replay-timings')).toContainText('Total');

    await detail.getByTestId('replay-compare').click();
    const diff = page.getByTestId('replay-diff');
    await expect(diff).toBeVisible();
    await expect(diff.getByTestId('diff-status')).toHaveAttribute('data-changed', 'true');
    await expect(diff.getByTestId('diff-status-left')).toHaveText('200');
    await expect(diff.getByTestId('diff-status-right')).toHaveText('202');
    await expect(diff.getByTestId('diff-row').first()).toBeVisible();
    expect(await diff.getByTestId('diff-row').count()).toBeGreaterThanOrEqual(1);
    await expect(diff.getByTestId('diff-header-row').filter({ hasText: 'X-Handled-By' })).toBeVisible();
    // Tall enough that the whole diff fits in its pane for the picture.
    await page.setViewportSize({ width: 1280, height: 1500 });
    await diff.screenshot({ path: test.info().outputPath('replay-diff.png') });
  } finally {
    await target.close();
  }
});

test('a gzip answer to a replay is shown decoded, saying so', async ({ app, page }) => {
  const target = await startTarget(true);
  try {
    await sendRaw(`${app.receiverUrl}gz/status`, {
      method: 'POST',
      headers: [
        ['Content-Type', 'application/json'],
        ['Accept-Encoding', 'gzip'],
      ],
      body: STATUS_BATCH,
    });
    await replayOneTo(page, app.uiUrl, target.url, '/gz/status');
    const result = page.getByTestId('replay-result').first();
    await expect(result.getByTestId('replay-result-status')).toHaveText('202');
    await result.getByRole('button').click();
    const detail = page.getByTestId('replay-detail');
    await expect(detail.getByTestId('replay-response-body')).toHaveText('[{"id_sms":3234,"accepted":true}]');
    await expect(detail).toContainText('decoded from gzip');
  } finally {
    await target.close();
  }
});

test('bulk replay by filter reports progress to "done" with every capture sent in order', async ({
  app,
  page,
}) => {
  const target = await startTarget();
  try {
    for (const n of [1, 2, 3]) {
      await sendRaw(`${app.receiverUrl}bulk/${n}`, {
        method: 'POST',
        headers: [['Content-Type', 'application/json']],
        body: `{"n":${n}}`,
      });
    }
    await sendRaw(`${app.receiverUrl}other`, { method: 'POST', body: '{}' });

    await openReplay(page, app.uiUrl);
    await page.getByTestId('replay-target-input').fill(`${target.url}/api`);
    await page.getByTestId('replay-filter-input').fill('path:/bulk');
    await expect(page.getByTestId('replay-filter-matched')).toHaveText('3 captures match.');
    await page.getByTestId('replay-bulk-start').click();

    const progress = page.getByTestId('replay-progress');
    await expect(progress).toHaveAttribute('data-state', 'done');
    await expect(progress.getByTestId('replay-count-sent')).toHaveText('3');
    await expect(progress.getByTestId('replay-count-ok')).toHaveText('3');
    await expect(progress.getByTestId('replay-count-errors')).toHaveText('0');
    await expect(progress.getByTestId('replay-cancel')).toHaveCount(0);
    expect(target.received.map((r) => r.url)).toEqual(['/api/bulk/1', '/api/bulk/2', '/api/bulk/3']);
    await expect(page.getByTestId('replay-result')).toHaveCount(3);

    // A filter the core cannot read is reported in words, and bulk replay waits for a good one.
    await page.getByTestId('replay-filter-input').fill('status:abc');
    await expect(page.getByTestId('replay-filter-matched')).toHaveAttribute('data-state', 'error');
    await expect(page.getByTestId('replay-bulk-start')).toBeDisabled();
  } finally {
    await target.close();
  }
});

test('SMS gateway simulation against the receiver: every id acknowledged after one attempt', async ({
  app,
  page,
}) => {
  await openReplay(page, app.uiUrl);
  await page.getByRole('tab', { name: 'SMS gateway' }).click();
  await page.getByTestId('sms-sim-target').fill(`${app.receiverUrl}sms/status`);
  await page.getByTestId('sms-sim-ids').fill('1,2,3');
  await page.getByTestId('sms-sim-run').click();

  const ids = page.getByTestId('sms-sim-id');
  await expect(ids).toHaveCount(3);
  for (const row of await ids.all()) {
    await expect(row).toHaveAttribute('data-acknowledged', 'yes');
    await expect(row.locator('td').nth(2)).toHaveText('1');
  }
  await expect(page.getByTestId('sms-sim-attempt')).toHaveCount(1);
  await expect(page.getByTestId('sms-sim-summary')).toHaveText('All 3 ids acknowledged after 1 attempt.');
  await expect(page.getByTestId('sms-sim-run')).toBeEnabled();
  await page.getByTestId('sms-sim-result').screenshot({ path: test.info().outputPath('sms-simulation.png') });
});

test('an SMS gateway run waiting between attempts is cancelled; an id it could not send is refused', async ({
  app,
  page,
}) => {
  await openReplay(page, app.uiUrl);
  await page.getByRole('tab', { name: 'SMS gateway' }).click();
  // No rule acknowledges statuses here: the gateway would retry every 10 minutes.
  await page.getByTestId('sms-sim-target').fill(`${app.receiverUrl}nobody-acknowledges`);
  await page.getByTestId('sms-sim-ids').fill('1, 007');
  await page.getByTestId('sms-sim-run').click();
  await expect(page.getByTestId('sim-error')).toHaveText(
    '"007" is not an SMS id; ids are whole numbers written without leading zeros, like 3234.',
  );
  await page.getByTestId('sms-sim-ids').fill('1, 7');
  await page.getByTestId('sms-sim-interval').fill('600000');
  await page.getByTestId('sms-sim-run').click();
  await expect(page.getByTestId('sms-sim-run')).toHaveAttribute('data-running', 'true');
  await page.getByTestId('sms-sim-cancel').click();
  await expect(page.getByTestId('sms-sim-summary')).toHaveText(
    'Cancelled after 1 attempt: 0 of 2 ids acknowledged.',
  );
  await expect(page.getByTestId('sms-sim-cancel')).toHaveCount(0);
  await expect(page.getByTestId('sms-sim-run')).toBeEnabled();
});

test('half-filled Replay forms are still there after a visit to another screen', async ({ app, page }) => {
  await openReplay(page, app.uiUrl);
  await page.getByTestId('replay-filter-input').fill('path:/bulk');
  await page.getByTestId('replay-rate').fill('5');
  await page.getByRole('tab', { name: 'SMS gateway' }).click();
  await page.getByTestId('sms-sim-target').fill('http://127.0.0.1:9/sms');
  await page.getByTestId('sms-sim-ids').fill('11, 12');
  await page.getByRole('tab', { name: 'SDK' }).click();
  await page.getByTestId('sdk-sim-token').fill('secret-token');
  await expect(page.getByTestId('sdk-sim-verify-tls')).toBeChecked();
  await page.getByTestId('sdk-sim-verify-tls').uncheck();

  await page.getByTestId('nav-captures').click();
  await expect(page.getByTestId('replay-view')).toHaveCount(0);
  await page.getByTestId('nav-replay').click();

  await expect(page.getByTestId('sdk-sim-token')).toHaveValue('secret-token');
  await expect(page.getByTestId('sdk-sim-verify-tls')).not.toBeChecked();
  await page.getByRole('tab', { name: 'SMS gateway' }).click();
  await expect(page.getByTestId('sms-sim-target')).toHaveValue('http://127.0.0.1:9/sms');
  await expect(page.getByTestId('sms-sim-ids')).toHaveValue('11, 12');
  await page.getByRole('tab', { name: 'Replay' }).click();
  await expect(page.getByTestId('replay-filter-input')).toHaveValue('path:/bulk');
  await expect(page.getByTestId('replay-rate')).toHaveValue('5');
});

test('an open result and its comparison, and a replay still in flight, are still there after another screen', async ({
  app,
  page,
}) => {
  // A target that answers its second request after 1.5 s: the replay in flight when the screen is left.
  let requests = 0;
  const slow = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      requests += 1;
      setTimeout(() => res.end('{"ok":true}'), requests === 1 ? 0 : 1500);
    });
  });
  await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
  try {
    const answer = await sendRaw(`${app.receiverUrl}switch`, { method: 'POST', body: '{"a":1}' });
    expect(answer.status).toBe(200);
    await replayOneTo(page, app.uiUrl, `http://127.0.0.1:${(slow.address() as AddressInfo).port}`, '/switch');
    const detail = page.getByTestId('replay-detail');
    await expect(detail).toBeVisible();
    await detail.getByTestId('replay-compare').click();
    await expect(page.getByTestId('replay-diff')).toBeVisible();

    await page.getByTestId('nav-captures').click();
    await expect(page.getByTestId('replay-view')).toHaveCount(0);
    await page.getByTestId('nav-replay').click();
    await expect(page.getByTestId('replay-detail')).toContainText('Replay #1 of capture #1');
    await expect(page.getByTestId('replay-diff')).toBeVisible();

    // The second replay takes 1.5 s: leave while it is in flight, come back before and after it ends.
    await page.getByTestId('replay-send').click();
    await expect(page.getByTestId('replay-send')).toHaveText('Sending…');
    await page.getByTestId('nav-captures').click();
    await page.getByTestId('nav-replay').click();
    await expect(page.getByTestId('replay-send')).toHaveText('Sending…');
    await expect(page.getByTestId('replay-send')).toBeDisabled();
    await expect(page.getByTestId('replay-detail')).toContainText('Replay #2 of capture #1', {
      timeout: 5000,
    });
    await expect(page.getByTestId('replay-send')).toBeEnabled();
    expect(requests).toBe(2);
  } finally {
    slow.closeAllConnections();
    await new Promise((resolve) => slow.close(resolve));
  }
});

test('an SDK run cancelled after answers that were all fine says so, not that messages failed', async ({
  app,
  page,
}) => {
  // The documented answer with status 000, 300 ms after each notification.
  const target = createServer((req, res) => {
    req.resume();
    req.on('end', () =>
      setTimeout(
        () =>
          res.end('{"status_code":"000","status_desc":"Accepted","error_message":"","delivery_id":"d-1"}'),
        300,
      ),
    );
  });
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  try {
    await openReplay(page, app.uiUrl);
    await page.getByRole('tab', { name: 'SDK' }).click();
    await page
      .getByTestId('sdk-sim-target')
      .fill(`http://127.0.0.1:${(target.address() as AddressInfo).port}/sdk`);
    await page.getByTestId('sdk-sim-count').fill('100');
    await page.getByTestId('sdk-sim-run').click();
    await page.waitForTimeout(800);
    await page.getByTestId('sdk-sim-cancel').click();
    const summary = page.getByTestId('sdk-sim-summary');
    await expect(summary).toContainText(
      /^Cancelled after \d+ messages?\. Every answer so far is in the documented model with 000 or 001\.$/,
    );
    await expect(summary).toHaveClass(/replay-same/);
  } finally {
    target.closeAllConnections();
    await new Promise((resolve) => target.close(resolve));
  }
});

test('SDK and reverse-integration simulations against the receiver; a bad target is reported in words', async ({
  app,
  page,
}) => {
  await openReplay(page, app.uiUrl);
  await page.getByRole('tab', { name: 'SDK' }).click();
  await page.getByTestId('sdk-sim-target').fill('not a url');
  await page.getByTestId('sdk-sim-run').click();
  await expect(page.getByTestId('sim-error')).toContainText('is not a URL');

  await page.getByTestId('sdk-sim-target').fill(`${app.receiverUrl}sdk/messages`);
  await page.getByTestId('sdk-sim-run').click();
  const rows = page.getByTestId('sdk-sim-row');
  await expect(rows).toHaveCount(3);
  for (const row of await rows.all()) {
    await expect(row.getByTestId('sdk-sim-code')).toHaveText('000');
    await expect(row.getByTestId('sdk-sim-outside')).toHaveCount(0);
  }
  await expect(page.getByTestId('sim-error')).toHaveCount(0);

  await page.getByRole('tab', { name: 'Reverse integration' }).click();
  await page.getByTestId('reverse-sim-target').fill(`${app.receiverUrl}smartico/reverse`);
  await page.getByTestId('reverse-sim-count').fill('5');
  await page.getByTestId('reverse-sim-rate').fill('50');
  await page.getByTestId('reverse-sim-run').click();
  const result = page.getByTestId('reverse-sim-result');
  await expect(result.getByTestId('reverse-sim-status')).toHaveAttribute('data-status', '200');
  await expect(result.getByTestId('reverse-sim-status')).toContainText('5');
  await expect(result.getByTestId('reverse-sim-latency')).toContainText('p99');
  // No call failed: every call is listed, with its login.
  await expect(result.getByTestId('load-calls-only-failures')).not.toBeChecked();
  await expect(result.getByTestId('load-call')).toHaveCount(5);
  await expect(result.getByTestId('load-call').first()).toContainText('login 100000');
  await result.screenshot({ path: test.info().outputPath('reverse-simulation.png') });
});
