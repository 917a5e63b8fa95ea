import { sendRaw } from '../../helpers/http';
import { expect, test } from './fixtures';

test('a retention limit set in Settings trims the capture list, keeping pinned captures', async ({
  app,
  page,
}) => {
  await page.goto(app.uiUrl);
  const base = app.receiverUrl.replace(/\/$/, '');
  for (const n of [1, 2, 3, 4]) await sendRaw(`${base}/keep/${n}`, { method: 'POST', body: `{"n":${n}}` });
  await expect(page.getByTestId('capture-row')).toHaveCount(4);

  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-retention-count').fill('0');
  await expect(page.getByText('must be a positive whole number')).toBeVisible();
  await page.getByTestId('settings-retention-count').fill('2');
  await page.getByTestId('save-retention').click();
  await expect(page.getByTestId('retention-outcome')).toContainText('Saved');

  await sendRaw(`${base}/keep/5`, { method: 'POST', body: '{"n":5}' });
  await page.getByTestId('nav-captures').click();
  await expect(page.getByTestId('capture-row').getByTestId('row-path')).toHaveText(['/keep/5', '/keep/4'], {
    timeout: 15_000,
  });
  await expect(page.getByTestId('capture-total')).toHaveText('2');
});
