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
  await page.getByTestId('stream-count').fill('15');
  await page.getByTestId('stream-rate').fill('10');
  await page.getByTestId('composer-stream').click();
  await expect(page.getByTestId('composer-stream')).toHaveText('Sending…');

  // Off to watch the captures arrive, then back while the run (about 1.5 s) goes on.
  await page.getByTestId('nav-captures').click();
  await expect(page.getByTestId('capture-row').first()).toBeVisible();
  await page.getByTestId('nav-composer').click();
  await expect(page.getByTestId('composer-stream')).toHaveText('Sending…');
  await expect(page.getByTestId('composer-stream')).toBeDisabled();
  await expect(page.getByTestId('stream-count')).toHaveValue('15');

  await expect(page.getByTestId('stream-report')).toContainText('200: 15');
  await page.getByTestId('nav-captures').click();
  await page.getByTestId('nav-composer').click();
  await expect(page.getByTestId('stream-report')).toContainText('15 calls in');
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
