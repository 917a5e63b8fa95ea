import { expect, test } from './fixtures';

test('a composer request streams N events at a rate, each arriving as its own capture', async ({
  app,
  page,
}) => {
  await page.goto(app.uiUrl);
  await page.getByTestId('nav-composer').click();
  await page.getByTestId('composer-new').click();
  await page.getByTestId('composer-preset-0').click();
  await page.getByTestId('composer-url').fill(`${app.receiverUrl}stream/events`);
  await page.getByText('Send as a stream of events').click();
  await page.getByTestId('stream-count').fill('3');
  await page.getByTestId('stream-rate').fill('50');
  await page.getByTestId('composer-stream').click();
  await expect(page.getByTestId('stream-report')).toContainText('3 calls in');
  await expect(page.getByTestId('stream-report')).toContainText('200: 3');

  await page.getByTestId('nav-captures').click();
  await expect(page.getByTestId('capture-row').filter({ hasText: '/stream/events' })).toHaveCount(3);
});

test('a stream still shows as running after leaving the screen, and its report waits for the user', async ({
  app,
  page,
}) => {
  await page.goto(app.uiUrl);
  await page.getByTestId('nav-composer').click();
  await page.getByTestId('composer-url').fill(`${app.receiverUrl}stream/long`);
  await page.getByText('Send as a stream of events').click();
  await page.getByTestId('stream-count').fill('30');
  await page.getByTestId('stream-rate').fill('5');
  await page.getByTestId('composer-stream').click();
  await expect(page.getByTestId('composer-stream')).toHaveText('Sending…');

  // Off to watch the captures arrive, then back while the run goes on (about 6 s: a slow machine
  // is back well before it ends).
  await page.getByTestId('nav-captures').click();
  await expect(page.getByTestId('capture-row').first()).toBeVisible();
  await page.getByTestId('nav-composer').click();
  await expect(page.getByTestId('composer-stream')).toHaveText('Sending…');
  await expect(page.getByTestId('composer-stream')).toBeDisabled();
  await expect(page.getByTestId('stream-count')).toHaveValue('30');

  await expect(page.getByTestId('stream-report')).toContainText('200: 30', { timeout: 15_000 });
  await page.getByTestId('nav-captures').click();
  await page.getByTestId('nav-composer').click();
  await expect(page.getByTestId('stream-report')).toContainText('30 calls in');
});

test('the stream controls keep the pane’s inset at 1024 px', async ({ app, page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(app.uiUrl);
  await page.getByTestId('nav-composer').click();
  await page.getByText('Send as a stream of events').click();
  const pane = await page.locator('.composer-result-pane').boundingBox();
  const stream = await page.getByTestId('composer-stream').boundingBox();
  const send = await page.getByTestId('composer-send').boundingBox();
  if (!pane || !stream || !send) throw new Error('the composer is not laid out');
  // Inside the pane by the same inset as Send, not against the window's edge.
  const inset = send.x - pane.x;
  expect(inset).toBeGreaterThan(8);
  expect(stream.x + stream.width).toBeLessThanOrEqual(pane.x + pane.width - inset + 1);
  const summary = await page.getByText('Send as a stream of events').boundingBox();
  expect(summary?.x ?? 0).toBeGreaterThanOrEqual(send.x - 1);
});

test('a stream is cancelled midway: no more calls, and the report says how many were sent', async ({
  app,
  page,
}) => {
  await page.goto(app.uiUrl);
  await page.getByTestId('nav-composer').click();
  await page.getByTestId('composer-url').fill(`${app.receiverUrl}stream/cancelled`);
  await page.getByText('Send as a stream of events').click();
  await expect(page.getByTestId('composer-stream-cancel')).toHaveCount(0);
  // 1,000 calls at 5 a second: over three minutes.
  await page.getByTestId('stream-count').fill('1000');
  await page.getByTestId('stream-rate').fill('5');
  await page.getByTestId('composer-stream').click();
  await expect(page.getByTestId('composer-stream')).toHaveText('Sending…');

  const arrived = page.getByTestId('capture-row').filter({ hasText: '/stream/cancelled' });
  await page.getByTestId('nav-captures').click();
  await expect.poll(() => arrived.count()).toBeGreaterThanOrEqual(2);
  await page.getByTestId('nav-composer').click();
  await page.getByTestId('composer-stream-cancel').click();

  const report = page.getByTestId('stream-report');
  await expect(report).toContainText(/^\d+ calls in \d+ ms, then cancelled before the rest — 200: \d+/);
  await expect(page.getByTestId('composer-stream')).toHaveText('Stream');
  await expect(page.getByTestId('composer-stream-cancel')).toHaveCount(0);
  const sent = Number(/^(\d+) calls/.exec((await report.textContent()) ?? '')?.[1]);
  expect(sent).toBeGreaterThanOrEqual(2);
  expect(sent).toBeLessThan(50);
  // Nothing more arrives after the cancel.
  await page.waitForTimeout(600);
  await page.getByTestId('nav-captures').click();
  await expect(arrived).toHaveCount(sent);
});
