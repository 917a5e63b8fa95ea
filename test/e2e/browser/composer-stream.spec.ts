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
