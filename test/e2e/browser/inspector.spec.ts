/**
 * The inspector: filtering with the filter language (and live arrivals under a
 * filter), the JSON doctor's diagnosis, the SMS status timeline, body views,
 * pins, notes, copy as cURL, multi-select delete, export/import and the store
 * health banner.
 */
import { connect } from 'node:net';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { createHookbench } from '../../../electron/core/index';
import type { CaptureStore } from '../../../electron/core/store/capture-store';
import { startHeadlessHost } from '../../../electron/host/headless-host';
import { REPO_ROOT } from '../../helpers/cli';
import { sendRaw } from '../../helpers/http';
import { tempDir } from '../../helpers/temp-dir';
import { openBridge } from '../../reliability/support/bridge';
import { expect, test } from './fixtures';

/** What the page's callbacks use; this file compiles without the DOM library. */
interface PageGlobals {
  __longTasks: number[];
  navigator: { clipboard: { readText(): Promise<string> } };
  PerformanceObserver: new (
    callback: (list: { getEntries(): { duration: number }[] }) => void,
  ) => { observe(options: { type: string; buffered: boolean }): void };
}

const JSON_TYPE: [string, string][] = [['Content-Type', 'application/json']];
const BROKEN = '{"level_name": "My level with " inside", "n": 1}';

function post(base: string, path: string, body: string | Buffer, headers: [string, string][] = JSON_TYPE) {
  return sendRaw(`${base}${path}`, { method: 'POST', headers, body });
}

async function open(page: Page, uiUrl: string): Promise<void> {
  await page.goto(uiUrl);
  await expect(page.getByTestId('receiver-state')).toContainText('listening');
}

async function filter(page: Page, text: string): Promise<void> {
  const input = page.getByTestId('filter-input');
  await input.fill(text);
  await input.press('Enter');
}

test('broken JSON gets its own badge, and the validity filter finds it', async ({ app, page }) => {
  const base = app.receiverUrl.replace(/\/$/, '');
  await open(page, app.uiUrl);
  await post(base, '/hooks/level', '{"level_name": "My level with " inside", "n": 1}');
  await post(base, '/hooks/fine', '{"level_name": "fine", "n": 1}');
  const rows = page.getByTestId('capture-row');
  await expect(rows).toHaveCount(2);
  const broken = rows.filter({ hasText: '/hooks/level' }).getByTestId('row-valid');
  await expect(broken).toHaveText('broken');
  await expect(broken).toHaveAttribute('title', 'The body is not valid JSON');
  await expect(rows.filter({ hasText: '/hooks/fine' }).getByTestId('row-valid')).toHaveCount(0);
  await filter(page, 'valid:no');
  await expect(rows).toHaveCount(1);
  await expect(rows.getByTestId('row-path')).toHaveText('/hooks/level');
});

test('the filter bar narrows the list, says what is wrong, and keeps live arrivals honest', async ({
  app,
  page,
}) => {
  const base = app.receiverUrl.replace(/\/$/, '');
  await open(page, app.uiUrl);
  await post(base, '/sms/status', '[{"id_sms":3234,"time":"","state":"send"}]');
  await post(base, '/sms/status', '[{"id_sms":3234,"time":"2011-01-01 12:57:46","state":"deliver"}]');
  await post(
    base,
    '/smartico/reverse',
    JSON.stringify({
      login: '1',
      time: 1664115803000,
      view_url: 'https://v.example/1',
      channel: 'SMS',
      campaign_name: 'RND Flow',
    }),
  );
  await post(
    base,
    '/smartico/reverse',
    JSON.stringify({ login: '2', time: 1664115803, view_url: 'x', channel: 'Email', campaign_name: 'Other' }),
  );
  await post(base, '/notes', 'plain text needle', [['Content-Type', 'text/plain']]);
  await post(base, '/echo-send/secret-123/games', '{"spins":"3"}');
  const rows = page.getByTestId('capture-row');
  await expect(rows).toHaveCount(6);
  // Badges: kind, validity, and the path text stays exactly the path.
  const reverseRows = rows.filter({ hasText: '/smartico/reverse' });
  await expect(reverseRows.getByTestId('row-kind')).toHaveText(['Reverse', 'Reverse']);
  await expect(reverseRows.getByTestId('row-valid')).toHaveText(['invalid', 'valid']);
  await expect(rows.getByTestId('row-path').first()).toHaveText('/echo-send/secret-123/games');

  await filter(page, 'kind:sms-status-batch');
  await expect(rows).toHaveCount(2);
  await expect(rows.getByTestId('row-kind')).toHaveText(['SMS', 'SMS']);
  await expect(page.getByTestId('filter-matched')).toHaveText('2 of 6');
  await page.screenshot({ path: test.info().outputPath('capture-list.png') });

  // A new capture shows up only if it matches the filter.
  await post(base, '/not-sms', '{"a":1}');
  await post(base, '/sms/status', '[{"id_sms":3235,"time":"","state":"send"}]');
  await expect(rows).toHaveCount(3);
  await expect(page.getByTestId('filter-matched')).toHaveText('3 of 8');
  await expect(rows.filter({ hasText: '/not-sms' })).toHaveCount(0);

  // Typing applies by itself after a pause; the core's words show when it refuses a filter.
  await page.getByTestId('filter-input').fill('status:abc');
  await expect(page.getByTestId('filter-error')).toContainText('status takes a code');
  await expect(rows).toHaveCount(3);

  await filter(page, '$.campaign_name="RND Flow"');
  await expect(page.getByTestId('filter-error')).toHaveCount(0);
  await expect(rows).toHaveCount(1);
  await expect(rows.getByTestId('row-path')).toHaveText('/smartico/reverse');
  await expect(page.getByTestId('filter-matched')).toHaveText('1 of 8');

  // Quick buttons and buckets edit the same filter text.
  await page.getByTestId('filter-clear').click();
  await expect(rows).toHaveCount(8);
  await page.getByTestId('quick-valid-no').click();
  await expect(page.getByTestId('filter-input')).toHaveValue('valid:no');
  await expect(rows).toHaveCount(1);
  await page.getByTestId('filter-clear').click();
  await page.getByTestId('bucket-item').filter({ hasText: 'secret-123' }).click();
  await expect(page.getByTestId('filter-input')).toHaveValue('bucket:secret-123');
  await expect(rows).toHaveCount(1);
  await expect(rows.getByTestId('row-path')).toHaveText('/echo-send/secret-123/games');

  // The help lists the terms; a click adds one.
  await page.getByTestId('filter-help-toggle').click();
  await expect(page.getByTestId('filter-help')).toContainText('$[*].id_sms=3234');
  await page.getByTestId('filter-help').getByRole('button', { name: 'is:pinned' }).click();
  await expect(page.getByTestId('filter-input')).toHaveValue('bucket:secret-123 is:pinned');
});

test('the JSON doctor shows where a body breaks and why', async ({ app, page }) => {
  const base = app.receiverUrl.replace(/\/$/, '');
  await open(page, app.uiUrl);
  await post(base, '/hook', BROKEN);
  await page.getByTestId('capture-row').filter({ hasText: '/hook' }).click();
  const detail = page.getByTestId('capture-detail');
  // The body claims JSON but does not parse: the text shows, and the formatted view says why not.
  await expect(detail.getByTestId('body-view-unavailable')).toContainText('not valid JSON');
  await detail.getByTestId('tab-findings').click();

  await expect(detail.getByTestId('doctor-error')).toContainText('line 1, column 33');
  await expect(detail.getByTestId('doctor-error')).toContainText('(byte 32)');
  const excerpt = await detail.getByTestId('doctor-excerpt').textContent();
  const [line, caret] = (excerpt ?? '').split('\n');
  expect(line).toBe(BROKEN);
  // The caret sits under the `i` of `inside`, the first character that cannot follow the string.
  expect(caret?.trimEnd().endsWith('^')).toBe(true);
  expect(line?.[(caret ?? '').indexOf('^')]).toBe('i');
  const cause = detail.locator('[data-testid="doctor-cause"][data-cause-id="unescaped-quote"]');
  await expect(cause).toContainText('Fix:');
  await expect(cause).toContainText('\\"');
  await expect(detail.locator('.doctor-excerpt-at')).toHaveText('i');
  await page.screenshot({ path: test.info().outputPath('json-doctor.png') });

  // A one-line body breaking far to the right (most webhooks): the excerpt scrolls to the error.
  await page.setViewportSize({ width: 1024, height: 768 });
  const long = `{"campaign":"${'x'.repeat(150)}","items":[1,2,3,],"emoji":"🎉"}`;
  await post(base, '/long', long);
  await page.getByTestId('capture-row').filter({ hasText: '/long' }).click();
  await detail.getByTestId('tab-findings').click();
  const at = detail.locator('.doctor-excerpt-at');
  await expect(at).toHaveText(']');
  const box = await detail.getByTestId('doctor-excerpt').boundingBox();
  const mark = await at.boundingBox();
  expect(box && mark && mark.x >= box.x && mark.x + mark.width <= box.x + box.width).toBe(true);
});

test('the SMS timeline tells each id_sms story, with anomalies', async ({ app, page }) => {
  const base = app.receiverUrl.replace(/\/$/, '');
  await open(page, app.uiUrl);
  await post(
    base,
    '/sms/status',
    '[{"id_sms":3234,"time":"","state":"send"},{"id_sms":3235,"time":"2011-01-01 12:57:46","state":"deliver"}]',
  );
  await post(
    base,
    '/sms/status',
    '[{"id_sms":3234,"time":"2011-01-01 12:58:00","state":"deliver"},{"id_sms":3235,"time":"","state":"send"}]',
  );
  await post(base, '/sms/status', '[{"id_sms":3234,"time":"2011-01-01 12:59:00","state":"read"}]');
  const rows = page.getByTestId('capture-row');
  await expect(rows).toHaveCount(3);
  const firstId = await rows.nth(2).getAttribute('data-id');
  // The middle batch carries both ids.
  await rows.nth(1).click();
  const detail = page.getByTestId('capture-detail');
  await detail.getByTestId('timeline-tab').click();

  const entries = detail.getByTestId('timeline-entry');
  await expect(entries).toHaveCount(2);
  const sent = detail.locator('[data-testid="timeline-entry"][data-id-sms="3234"]');
  await expect(sent.getByTestId('timeline-event')).toHaveCount(3);
  await expect(sent.getByTestId('timeline-event').locator('.sms-state')).toHaveText([
    'send',
    'deliver',
    'read',
  ]);
  // Only "read" is final (not_deliver and expired are the others).
  await expect(sent.getByTestId('final')).toHaveCount(1);
  await expect(sent.getByTestId('timeline-event').last()).toHaveAttribute('data-final', 'true');
  await expect(sent.getByTestId('timeline-anomaly')).toHaveCount(0);
  const backwards = detail.locator('[data-testid="timeline-entry"][data-id-sms="3235"]');
  await expect(backwards.getByTestId('timeline-event').locator('.sms-state')).toHaveText(['deliver', 'send']);
  await expect(backwards.getByTestId('timeline-anomaly')).toContainText(
    'Went backwards from "deliver" to "send"',
  );
  await page.screenshot({ path: test.info().outputPath('sms-timeline.png') });

  // The capture that carried a state is one click away.
  await sent.getByTestId('timeline-capture').first().click();
  await expect(detail).toHaveAttribute('data-id', firstId ?? '');

  // The whole store's timeline: every id, last state and anomaly count.
  await page.getByTestId('open-timeline').click();
  const view = page.getByTestId('timeline-view');
  await expect(view.getByTestId('timeline-row')).toHaveCount(2);
  await expect(view.locator('[data-id-sms="3235"]').getByTestId('timeline-row-anomalies')).toHaveText(
    '1 anomaly',
  );
  await view.locator('[data-id-sms="3235"] button').first().click();
  await expect(view.getByTestId('timeline-anomaly')).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('sms-timeline-all.png') });
  // The gateway's retries keep coming: the open timeline follows without a Refresh.
  await post(base, '/sms/status', '[{"id_sms":3236,"time":"","state":"send"}]');
  await expect(view.getByTestId('timeline-row')).toHaveCount(3);
  await page.getByTestId('close-timeline').click();
  await expect(page.getByTestId('capture-detail')).toBeVisible();
});

test('a request that ends early says so: what arrived, that nothing was answered, found by status:0', async ({
  app,
  page,
}) => {
  await open(page, app.uiUrl);
  const { port } = new URL(app.receiverUrl);
  // 102 of the 130 bytes it announces, then the sender goes away.
  await new Promise<void>((done, fail) => {
    const socket = connect(Number(port), '127.0.0.1', () => {
      socket.write(
        `POST /cut HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 130\r\n\r\n${'{"a":"'.padEnd(102, 'x')}`,
        () => socket.end(),
      );
    });
    socket.on('close', () => done());
    socket.on('error', fail);
  });
  const row = page.getByTestId('capture-row').filter({ hasText: '/cut' });
  await expect(row).toHaveCount(1);
  await row.click();
  const detail = page.getByTestId('capture-detail');
  await page.getByRole('tab', { name: 'Request' }).click();
  await expect(detail.getByTestId('body-cut')).toHaveText(
    'The body did not arrive whole: the request ended early (Findings say how). This is the part that came.',
  );
  await page.getByRole('tab', { name: 'Response' }).click();
  await expect(detail.getByTestId('answered-by')).toHaveText(
    'Nothing was answered: the connection ended before the request was complete.',
  );
  await filter(page, 'status:0');
  await expect(page.getByTestId('capture-row')).toHaveCount(1);
});

test('a status sent again changes nothing; ids beyond the first 10,000 are said and found', async ({
  app,
  page,
}) => {
  const base = app.receiverUrl.replace(/\/$/, '');
  await open(page, app.uiUrl);
  const first = '[{"id_sms":1,"time":"","state":"send"}]';
  await post(base, '/sms/status', first);
  await post(base, '/sms/status', '[{"id_sms":1,"time":"2011-01-01 10:00:00","state":"deliver"}]');
  // The gateway did not get the first acknowledgement: the same batch again.
  await post(base, '/sms/status', first);
  const many = Array.from({ length: 10_000 }, (_, i) => ({ id_sms: 100 + i, time: '', state: 'send' }));
  await post(base, '/sms/status', JSON.stringify(many));
  await post(base, '/sms/status', '[{"id_sms":99999,"time":"2011-01-01 11:00:00","state":"read"}]');
  const rows = page.getByTestId('capture-row');
  await expect(rows).toHaveCount(5);

  await rows.nth(2).click();
  const detail = page.getByTestId('capture-detail');
  await detail.getByTestId('timeline-tab').click();
  const story = detail.locator('[data-testid="timeline-entry"][data-id-sms="1"]');
  await expect(story.getByTestId('timeline-event')).toHaveCount(3);
  await expect(story.getByTestId('timeline-event').last()).toHaveAttribute('data-resent', 'true');
  await expect(story.getByTestId('timeline-event').last()).toContainText('sent again');
  await expect(story.getByTestId('timeline-last-state')).toHaveText('deliver');
  await expect(story.getByTestId('timeline-anomaly')).toContainText(
    '"send" was sent again (capture #3), in a re-sent batch',
  );

  // Beyond the first 10,000 ids: the newest capture's own timeline still tells its id.
  await rows.first().click();
  await detail.getByTestId('timeline-tab').click();
  await expect(detail.locator('[data-testid="timeline-entry"][data-id-sms="99999"]')).toBeVisible();

  await page.getByTestId('open-timeline').click();
  const view = page.getByTestId('timeline-view');
  await expect(view.getByTestId('timeline-cut')).toContainText(
    'The first 10,000 ids are listed; 2 more are not.',
  );
  await page.screenshot({ path: test.info().outputPath('sms-timeline-cut.png') });
  await view.getByRole('searchbox', { name: 'Find an id_sms' }).fill('99999');
  await expect(view.getByTestId('timeline-row')).toHaveCount(1);
  await expect(view.locator('[data-id-sms="99999"] .sms-state')).toHaveText('read');
});

test('body views, pins, notes, cURL, multi-select delete, export and import', async ({
  app,
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const base = app.receiverUrl.replace(/\/$/, '');
  await open(page, app.uiUrl);
  await post(base, '/gz', gzipSync('{"zipped":true,"id":12345678901234567890}'), [
    ['Content-Type', 'application/json'],
    ['Content-Encoding', 'gzip'],
  ]);
  await post(base, '/form?x=1&x=2&name=J%C3%BCrgen', 'a=1&b=x+y&a=2', [
    ['Content-Type', 'application/x-www-form-urlencoded'],
  ]);
  const boundary = 'hbBoundary';
  await post(
    base,
    '/upload',
    Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nHello\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="blob.bin"\r\n`),
      Buffer.from('Content-Type: application/octet-stream\r\n\r\n'),
      Buffer.from([0, 1, 2, 0xff]),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    [['Content-Type', `multipart/form-data; boundary=${boundary}`]],
  );
  await post(base, '/quote', `{"text":"it's a \\"quote\\"","emoji":"🎉"}`);
  const rows = page.getByTestId('capture-row');
  await expect(rows).toHaveCount(4);
  const detail = page.getByTestId('capture-detail');
  const body = detail.getByTestId('body-view');

  await rows.filter({ hasText: '/gz' }).click();
  await expect(body).toHaveAttribute('data-view', 'json');
  await expect(body).toContainText('"id": 12345678901234567890');
  await expect(detail.getByTestId('body-decoded')).toContainText('gzip');
  await detail.getByTestId('view-tree').click();
  await expect(body).toHaveAttribute('data-view', 'tree');
  await expect(body.getByTestId('tree-row')).toHaveCount(3);

  await rows.filter({ hasText: '/form' }).click();
  await expect(body).toHaveAttribute('data-view', 'form');
  await expect(body.getByTestId('field-name')).toHaveText(['a', 'b', 'a']);
  await expect(body.getByTestId('field-value')).toHaveText(['1', 'x y', '2']);
  await detail.getByTestId('tab-query').click();
  await expect(detail.getByTestId('query-table').getByTestId('field-value')).toHaveText(['1', '2', 'Jürgen']);
  await detail.getByTestId('tab-body').click();

  await rows.filter({ hasText: '/upload' }).click();
  await expect(body).toHaveAttribute('data-view', 'multipart');
  const parts = body.getByTestId('multipart-part');
  await expect(parts).toHaveCount(2);
  await expect(parts.first().getByTestId('part-preview')).toHaveText('Hello');
  await expect(parts.nth(1).getByTestId('part-preview')).toContainText('00 01 02 ff');
  const saving = page.waitForEvent('download');
  await parts.nth(1).getByTestId('part-save').click();
  const saved = await saving;
  expect(saved.suggestedFilename()).toBe('blob.bin');

  // Pin, note, and the pinned filter.
  await rows.filter({ hasText: '/quote' }).click();
  await detail.getByTestId('pin-toggle').click();
  await expect(detail.getByTestId('pin-toggle')).toHaveAttribute('aria-pressed', 'true');
  await expect(rows.filter({ hasText: '/quote' }).getByTestId('row-pin')).toBeVisible();
  await detail.getByTestId('note-input').fill('ask the CRM team');
  await detail.getByTestId('note-input').press('Enter');
  await expect(detail.getByTestId('note-status')).toHaveText('Saved');
  await filter(page, 'is:pinned');
  await expect(rows).toHaveCount(1);
  await expect(rows.getByTestId('row-path')).toHaveText('/quote');

  // Copy as cURL: the exact body as an ANSI-C string.
  await detail.getByTestId('copy-curl').click();
  await expect(detail.getByTestId('copy-curl')).toContainText('Copied');
  const curl = await page.evaluate(() =>
    (globalThis as unknown as PageGlobals).navigator.clipboard.readText(),
  );
  expect(curl).toContain('--data-binary');
  expect(curl).toContain(`$'{"text":"it\\'s a \\\\"quote\\\\"","emoji":"\\xf0\\x9f\\x8e\\x89"}'`);
  expect(curl).toContain("-H 'Content-Type: application/json'");
  await detail.getByTestId('copy-json').click();
  await expect(detail.getByTestId('copy-json')).toContainText('Copied');
  const asJson = JSON.parse(
    await page.evaluate(() => (globalThis as unknown as PageGlobals).navigator.clipboard.readText()),
  ) as Record<string, unknown>;
  expect(asJson).toMatchObject({ path: '/quote', pinned: true, note: 'ask the CRM team' });

  // Export everything as HAR, delete two captures at once, import the file back.
  await page.getByTestId('filter-clear').click();
  await expect(rows).toHaveCount(4);
  await page.getByTestId('export-button').click();
  await page.getByTestId('export-scope-matching').check();
  const exporting = page.waitForEvent('download');
  await page.getByTestId('export-confirm').click();
  const download = await exporting;
  expect(download.suggestedFilename()).toMatch(/\.har$/);
  await expect(page.getByTestId('toolbar-message')).toContainText('Exported 4 captures');
  const harPath = test.info().outputPath('export.har');
  await download.saveAs(harPath);

  await rows.nth(0).click();
  await rows.nth(1).click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('delete-selected')).toHaveText('Delete 2 selected');
  await page.getByTestId('delete-selected').click();
  await page.getByTestId('confirm-delete-selected').click();
  await expect(rows).toHaveCount(2);

  await page.getByTestId('import-captures-input').setInputFiles(harPath);
  await expect(page.getByTestId('toolbar-message')).toContainText('Imported 4 captures');
  await expect(rows).toHaveCount(6);
});

test('images preview through a blob: URL and XML is pretty-printed', async ({ app, page }) => {
  const base = app.receiverUrl.replace(/\/$/, '');
  await open(page, app.uiUrl);
  const pixel = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
  await post(base, '/pixel', pixel, [['Content-Type', 'image/png']]);
  await post(base, '/feed', '<?xml version="1.0"?><feed><entry id="1"><title>Hi</title></entry></feed>', [
    ['Content-Type', 'application/xml'],
  ]);
  const rows = page.getByTestId('capture-row');
  const detail = page.getByTestId('capture-detail');
  const body = detail.getByTestId('body-view');
  await rows.filter({ hasText: '/pixel' }).click();
  await expect(body).toHaveAttribute('data-view', 'image');
  await expect(body.locator('img')).toHaveJSProperty('naturalWidth', 1);
  await expect(body).toContainText('1 × 1 px');
  await detail.getByTestId('view-hex').click();
  await expect(body).toContainText('89 50 4e 47 0d 0a 1a 0a');

  await rows.filter({ hasText: '/feed' }).click();
  await expect(body).toHaveAttribute('data-view', 'xml');
  expect(await body.textContent()).toBe(
    '<?xml version="1.0"?>\n<feed>\n  <entry id="1">\n    <title>Hi</title>\n  </entry>\n</feed>',
  );
});

test('a banner says when captures cannot be saved, and goes away when they can', async ({ page }) => {
  let store: CaptureStore | undefined;
  const dir = tempDir('hookbench-e2e-health-');
  const core = await createHookbench({
    dataDir: dir.path,
    receiver: { port: 0 },
    onStoreOpened: (opened) => {
      store = opened;
    },
  });
  await core.start();
  const host = await startHeadlessHost({ core, rendererDir: resolve(REPO_ROOT, 'dist/renderer'), port: 0 });
  try {
    const base = ((await core.handlers.getReceiverStatus(undefined)).url as string).replace(/\/$/, '');
    await page.goto(host.url);
    await expect(page.getByTestId('receiver-state')).toContainText('listening');
    await expect(page.getByTestId('store-health-banner')).toHaveCount(0);

    // A read-only store, as SQLite itself enforces it (chmod would not stop root).
    store?.setPragmaForTest('query_only', 1);
    expect((await post(base, '/lost', '{}')).status).toBe(503);
    const banner = page.getByTestId('store-health-banner');
    await expect(banner).toContainText('cannot write');
    await page.screenshot({ path: test.info().outputPath('store-health.png') });

    store?.setPragmaForTest('query_only', 0);
    expect((await post(base, '/saved', '{}')).status).toBe(200);
    await expect(banner).toHaveCount(0);
    await expect(page.getByTestId('capture-row')).toHaveCount(1);
  } finally {
    await host.close();
    await core.close();
    dir.cleanup();
  }
});

test('a 20 MB JSON body opens without freezing the window', async ({ app, page }) => {
  test.setTimeout(120_000);
  const bridge = await openBridge(app.uiUrl);
  await bridge.call('updateSettings', { receiver: { bodyLimitBytes: 64 * 1024 * 1024 } });
  bridge.close();
  const item =
    '{"id_sms":12345678901234567890,"state":"deliver","time":"2011-01-01 12:57:46","n":{"a":[1,2]}}';
  const text = `[${Array.from({ length: 230_000 }, () => item).join(',')}]`;
  expect(text.length).toBeGreaterThan(20 * 1024 * 1024);
  // Long tasks (main-thread work over 50 ms) are recorded from the start, to find any freeze.
  await page.addInitScript(() => {
    const w = globalThis as unknown as PageGlobals;
    w.__longTasks = [];
    new w.PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longTasks.push(Math.round(entry.duration));
    }).observe({ type: 'longtask', buffered: true });
  });
  await open(page, app.uiUrl);
  const base = app.receiverUrl.replace(/\/$/, '');
  expect((await post(base, '/big', text)).status).toBe(200);
  await page.getByTestId('capture-row').click();
  await page.evaluate(() => {
    (globalThis as unknown as PageGlobals).__longTasks = [];
  });

  // The first 2 MiB come first, formatted as far as they go, with the rest on offer.
  const body = page.getByTestId('body-view');
  await expect(body).toHaveAttribute('data-view', 'json');
  await expect(page.getByTestId('body-partial')).toContainText('Showing the first 2 MiB of 20.');
  await expect(body).toContainText('"id_sms": 12345678901234567890');
  await page.getByTestId('load-rest').click();
  await expect(page.getByTestId('body-partial')).toHaveCount(0, { timeout: 60_000 });
  await expect(page.getByTestId('show-more')).toBeVisible({ timeout: 60_000 });
  // The tree counts every node of the whole document but renders only the first ones.
  await page.getByTestId('view-tree').click();
  await expect(page.getByTestId('tree-row').first()).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('.body-more')).toContainText(
    `of ${(1 + 230_000 * 8).toLocaleString('en-US')} nodes`,
  );

  const longTasks = await page.evaluate(() => (globalThis as unknown as PageGlobals).__longTasks);
  // Parsing and formatting happen in the worker: the UI thread never stalls for long.
  expect(Math.max(0, ...longTasks)).toBeLessThan(1500);
});
