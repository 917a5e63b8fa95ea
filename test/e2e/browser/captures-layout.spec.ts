import type { Locator, Page } from '@playwright/test';
import { sendRaw } from '../../helpers/http';
import { expect, test } from './fixtures';

/** The element's box, which must be on the page. */
async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await locator.boundingBox();
  if (!found) throw new Error('not on the page');
  return found;
}

/** Whether the element lies wholly inside the window. */
async function inView(locator: Locator, page: Page): Promise<boolean> {
  const { y, height } = await box(locator);
  const viewport = page.viewportSize();
  return viewport !== null && y >= 0 && y + height <= viewport.height;
}

test('a very long path is clamped in the detail header, the actions and tabs stay in view', async ({
  app,
  page,
}) => {
  const base = app.receiverUrl.replace(/\/$/, '');
  const longPath = `/very/${'a'.repeat(8 * 1024)}`;
  await sendRaw(`${base}${longPath}`, { method: 'POST', body: 'x' });
  await sendRaw(`${base}/short`, { method: 'POST', body: 'x' });
  await page.goto(app.uiUrl);

  const rows = page.getByTestId('capture-row');
  await expect(rows).toHaveCount(2);
  const detail = page.getByTestId('capture-detail');
  const path = detail.getByTestId('detail-path');
  const toggle = detail.getByTestId('detail-path-toggle');

  await rows.filter({ hasText: '/very/' }).click();
  await expect(detail).toHaveAttribute('data-id', '1');
  expect(await inView(detail.getByTestId('pin-toggle'), page)).toBe(true);
  expect(await inView(detail.getByTestId('tab-body'), page)).toBe(true);
  expect(await inView(detail.getByTestId('body-view'), page)).toBe(true);
  // Two lines of 13 px text, not hundreds.
  expect((await box(path)).height).toBeLessThan(50);
  // The whole path is there to read: as the tooltip, and shown in full on demand.
  await expect(path).toHaveAttribute('title', longPath);
  await expect(path).toHaveText(longPath);
  await expect(toggle).toHaveText('Show all (8,198 characters)');
  await toggle.click();
  await expect(toggle).toHaveText('Show less');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const open = await box(path);
  expect(open.height).toBeGreaterThan(100);
  // Open, it scrolls in a box of its own: the tabs are still on screen.
  expect(open.height).toBeLessThan(400);
  expect(await path.evaluate((element) => element.scrollHeight > element.clientHeight)).toBe(true);
  expect(await inView(detail.getByTestId('tab-body'), page)).toBe(true);
  await toggle.click();
  expect((await box(path)).height).toBeLessThan(50);

  // A path that fits has nothing to open.
  await rows.filter({ hasText: '/short' }).click();
  await expect(path).toHaveText('/short');
  await expect(toggle).toHaveCount(0);
  await expect(path).not.toHaveAttribute('title');
  await page.screenshot({ path: test.info().outputPath('long-path.png') });
});

for (const width of [1024, 1280]) {
  test(`at ${width} px a recognised row keeps its path readable beside the badges`, async ({ app, page }) => {
    await page.setViewportSize({ width, height: 700 });
    const base = app.receiverUrl.replace(/\/$/, '');
    await sendRaw(`${base}/sms/status`, {
      method: 'POST',
      headers: [['Content-Type', 'application/json']],
      body: '[{"id_sms":3234,"time":"2024-05-01 10:00:00","state":"send"}]',
    });
    // A reverse-integration call by GET: the widest badge, before a long query.
    await sendRaw(`${base}/smartico/reverse?login=1&channel=SMS&campaign_name=${'Spring'.repeat(20)}`);
    await page.goto(app.uiUrl);
    const rows = page.getByTestId('capture-row');
    await expect(rows).toHaveCount(2);

    const sms = rows.filter({ hasText: '/sms/status' });
    await expect(sms.getByTestId('row-kind')).toHaveText('SMS');
    await expect(sms.getByTestId('row-valid')).toHaveAttribute('data-valid', 'true');
    // A long path has most of its column, whatever room the badges would like.
    const reverse = rows.filter({ hasText: '/smartico/reverse' });
    await expect(reverse.getByTestId('row-kind')).toHaveText('Reverse');
    const cell = await box(reverse.locator('.cell-path'));
    expect((await box(reverse.getByTestId('row-path'))).width / cell.width).toBeGreaterThan(0.5);
    // "/sms/status" is short enough to be shown whole, not cut to an ellipsis.
    const smsPath = sms.getByTestId('row-path');
    await expect(smsPath).toHaveText('/sms/status');
    expect(await smsPath.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    // The badges are still there to read.
    expect((await box(sms.getByTestId('row-kind'))).width).toBeGreaterThan(16);
    expect((await box(sms.getByTestId('row-valid'))).width).toBeGreaterThan(4);
    // The header's columns line up with the rows'.
    const header = page.locator('.capture-list-header .cell-status');
    expect((await box(header)).x).toBe((await box(sms.getByTestId('row-status'))).x);
    await page.screenshot({ path: test.info().outputPath(`list-${width}.png`) });
  });
}
