import { gzipSync } from 'node:zlib';
import { sendRaw } from '../../helpers/http';
import { expect, test } from './fixtures';

test('captures appear live and show their headers and body', async ({ app, page }) => {
  await page.goto(app.uiUrl);
  await expect(page.getByTestId('receiver-url')).toHaveText(app.receiverUrl);
  await expect(page.getByTestId('receiver-state')).toContainText('listening');
  // The token leaves the address bar once the page has it.
  await expect.poll(() => page.url()).not.toContain('token=');

  const base = app.receiverUrl.replace(/\/$/, '');
  await sendRaw(`${base}/sms/status`, {
    method: 'POST',
    headers: [
      ['Content-Type', 'application/json'],
      ['X-Trace', 'abc'],
    ],
    body: '[{"id_sms":12345678901234567890,"time":"2011-01-01 12:57:46","state":"deliver"}]',
  });
  await sendRaw(`${base}/gz`, {
    method: 'POST',
    headers: [['Content-Encoding', 'gzip']],
    body: gzipSync('compressed'),
  });
  await sendRaw(`${base}/blob.bin`, { method: 'PUT', body: Buffer.from([0, 1, 2, 0xfe, 0xff]) });
  await sendRaw(`${base}/smartico/reverse?login=123&channel=SMS`);

  // No reload: the rows arrive through the pushed events, newest first.
  const rows = page.getByTestId('capture-row');
  await expect(rows).toHaveCount(4);
  await expect(page.getByTestId('capture-total')).toHaveText('4');
  await expect(rows.getByTestId('row-path')).toHaveText([
    '/smartico/reverse?login=123&channel=SMS',
    '/blob.bin',
    '/gz',
    '/sms/status',
  ]);
  await expect(rows.first().getByTestId('row-method')).toHaveText('GET');

  await rows.filter({ hasText: '/sms/status' }).click();
  const detail = page.getByTestId('capture-detail');
  const body = detail.getByTestId('body-view');
  await expect(body).toHaveAttribute('data-view', 'json');
  // Exact digits, never rounded through a double.
  await expect(body).toContainText('12345678901234567890');
  await expect(detail.getByTestId('header-row').filter({ hasText: 'X-Trace' })).toContainText('abc');

  await rows.filter({ hasText: '/blob.bin' }).click();
  await expect(detail.getByTestId('body-view')).toHaveAttribute('data-view', 'hex');
  await expect(detail.getByTestId('body-view')).toContainText('00 01 02 fe ff');

  await page.screenshot({ path: test.info().outputPath('captures.png') });
});

test('delete one capture, then clear all after confirming', async ({ app, page }) => {
  await page.goto(app.uiUrl);
  const base = app.receiverUrl.replace(/\/$/, '');
  for (const n of [1, 2, 3]) await sendRaw(`${base}/item/${n}`, { method: 'POST', body: `{"n":${n}}` });
  const rows = page.getByTestId('capture-row');
  await expect(rows).toHaveCount(3);

  await rows.filter({ hasText: '/item/2' }).click();
  await page.getByTestId('delete-capture').click();
  await expect(rows.getByTestId('row-path')).toHaveText(['/item/3', '/item/1']);

  await page.getByTestId('clear-all').click();
  await expect(rows).toHaveCount(2);
  await page.getByTestId('confirm-clear').click();
  await expect(rows).toHaveCount(0);
  await expect(page.getByTestId('capture-total')).toHaveText('0');

  // Still live after clearing, and the store really is empty after a reload.
  await sendRaw(`${base}/after-clear`, { method: 'POST', body: '{}' });
  await expect(rows).toHaveCount(1);
  await page.reload();
  await expect(page.getByTestId('capture-row')).toHaveCount(1);
});

test('the UI refuses to work without the token', async ({ app, page }) => {
  const url = new URL(app.uiUrl);
  url.search = '';
  const response = await page.goto(url.toString());
  expect(response?.status()).toBe(401);
  await expect(page.locator('body')).toContainText('access token');
});
