import { sendRaw } from '../../helpers/http';
import { expect, test } from './fixtures';

test("a capture's Replay and Use as sample actions open their screens with that capture", async ({
  app,
  page,
}) => {
  await page.goto(app.uiUrl);
  const base = app.receiverUrl.replace(/\/$/, '');
  await sendRaw(`${base}/sample/spin`, {
    method: 'POST',
    headers: [['Content-Type', 'application/json']],
    body: '{"saw_template_id":"77","minigame_spins_count":"3"}',
  });
  await sendRaw(`${base}/other`, { method: 'POST', body: '{}' });
  const row = page.getByTestId('capture-row').filter({ hasText: '/sample/spin' });
  const id = await row.getAttribute('data-id');

  await row.click();
  await page.getByTestId('replay-capture-button').click();
  await expect(page.getByTestId('replay-capture-select')).toHaveValue(id ?? '');

  await page.getByTestId('nav-captures').click();
  await row.click();
  await page.getByTestId('use-as-sample').click();
  await expect(page.getByTestId('composer-view')).toBeVisible();
  await expect(page.getByTestId('dataset-row').filter({ hasText: `Capture #${id}` })).toBeVisible();
});

test('exporting a collection asks about its tokens and leaves them out by default', async ({ app, page }) => {
  await page.goto(app.uiUrl);
  await page.getByTestId('nav-composer').click();
  await page.getByTestId('composer-new').click();
  await page.getByTestId('composer-preset-0').click();
  await page.getByTestId('composer-collection').fill('Signed');
  await page.getByTestId('composer-auth').selectOption('bearer');
  await page.getByLabel('Token template').fill('tok-SECRET-123');
  await page.getByTestId('composer-save').click();
  await expect(page.getByTestId('composer-dirty')).not.toHaveText('Not saved yet');

  await page.getByRole('button', { name: 'Export the collection Signed' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-without-secrets').click(),
  ]);
  const text = await (await download.createReadStream()).toArray();
  const file = Buffer.concat(text.map((chunk) => Buffer.from(chunk))).toString();
  expect(file).toContain('"collection": "Signed"');
  expect(file).not.toContain('tok-SECRET-123');

  await page.getByRole('button', { name: 'Export the collection Signed' }).click();
  const [withSecrets] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-with-secrets').click(),
  ]);
  const full = Buffer.concat(
    (await (await withSecrets.createReadStream()).toArray()).map((c) => Buffer.from(c)),
  ).toString();
  expect(full).toContain('tok-SECRET-123');
});
