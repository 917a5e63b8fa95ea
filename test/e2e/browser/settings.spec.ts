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

test('moving the receiver to a busy port keeps it where it was; a free port moves it', async ({
  app,
  page,
}) => {
  const { createServer } = await import('node:net');
  const freePort = () =>
    new Promise<{ port: number; close: () => void }>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () =>
        resolve({ port: (server.address() as { port: number }).port, close: () => server.close() }),
      );
    });
  const blocker = await freePort();
  const base = app.receiverUrl.replace(/\/$/, '');
  try {
    await page.goto(app.uiUrl);
    await page.getByTestId('nav-settings').click();
    // The port in effect for this run (`serve --port 0`), not the saved default.
    await expect(page.getByTestId('settings-port')).toHaveValue('0');

    await page.getByTestId('settings-host').fill('999.1.1.1');
    await page.getByTestId('save-settings').click();
    await expect(page.getByText('999.1.1.1 is not an IPv4 address')).toBeVisible();
    await page.getByTestId('settings-host').fill('127.0.0.1');

    await page.getByTestId('settings-port').fill(String(blocker.port));
    await page.getByTestId('save-settings').click();
    await expect(page.getByTestId('settings-outcome')).toContainText(
      `Port ${blocker.port} on 127.0.0.1 is already in use by another program. The receiver stays at ${base}/. The settings were not saved.`,
    );
    await expect(page.getByTestId('receiver-state')).toHaveAttribute('data-state', 'listening');
    await expect(page.getByTestId('receiver-url')).toContainText(base);
    expect((await sendRaw(`${base}/still-here`, { method: 'POST', body: '{}' })).status).toBe(200);

    const target = await freePort();
    target.close();
    await page.getByTestId('settings-port').fill(String(target.port));
    await page.getByTestId('save-settings').click();
    await expect(page.getByTestId('settings-outcome')).toHaveText(
      `Saved. The receiver now listens at http://127.0.0.1:${target.port}/.`,
    );
    await expect(page.getByTestId('receiver-url')).toContainText(`:${target.port}`);
    const moved = await sendRaw(`http://127.0.0.1:${target.port}/moved`, { method: 'POST', body: '{}' });
    expect(moved.status).toBe(200);
  } finally {
    blocker.close();
  }
});

test('unsaved settings are still there after a visit to another screen, until saved or reverted', async ({
  app,
  page,
}) => {
  await page.goto(app.uiUrl);
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('settings-port')).toHaveValue('0');
  await page.getByTestId('settings-port').fill('7799');
  await page.getByTestId('settings-body-limit').fill('2048');
  await page.getByTestId('settings-retention-count').fill('500');

  await page.getByTestId('nav-captures').click();
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('settings-port')).toHaveValue('7799');
  await expect(page.getByTestId('settings-body-limit')).toHaveValue('2048');
  await expect(page.getByTestId('settings-retention-count')).toHaveValue('500');
  await expect(page.getByTestId('save-settings')).toBeEnabled();
  await expect(page.getByTestId('save-retention')).toBeEnabled();

  // Too large a limit is said at the field, in MiB, before anything is sent.
  await page.getByTestId('save-settings').click();
  await expect(page.getByText('The body limit can be at most 1024 MiB (1 GiB)')).toBeVisible();
  await expect(page.getByTestId('settings-outcome')).toHaveCount(0);

  await page.getByTestId('revert-retention').click();
  await expect(page.getByTestId('settings-retention-count')).toHaveValue('');
  await page.getByTestId('revert-settings').click();
  await page.getByTestId('nav-captures').click();
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('settings-port')).toHaveValue('0');
  await expect(page.getByTestId('settings-body-limit')).toHaveValue('10');
  await expect(page.getByTestId('save-settings')).toBeDisabled();
});

test('Settings names the data folder and its files, with sizes read when the screen opens', async ({
  app,
  page,
}) => {
  await page.goto(app.uiUrl);
  await page.getByTestId('nav-settings').click();
  const card = page.getByTestId('data-folder');
  await expect(card.getByTestId('data-folder-path')).toHaveText(app.dataDir);
  const row = (name: string) => card.getByRole('row').filter({ hasText: name });
  await expect(row('captures.sqlite')).toContainText('Captured requests and the answers they got');
  await expect(row('composer-history.json')).toContainText('not created yet');
  await expect(row('workspace.json')).toContainText(/\d+(\.\d+)? (B|KB|KiB)/);

  // Sizes are read afresh: a large capture shows in the store's size on coming back.
  const before = await row('captures.sqlite').locator('td').last().textContent();
  const base = app.receiverUrl.replace(/\/$/, '');
  await sendRaw(`${base}/big`, { method: 'POST', body: 'x'.repeat(2 * 1024 * 1024) });
  await page.getByTestId('nav-captures').click();
  await page.getByTestId('nav-settings').click();
  await expect(row('captures.sqlite').locator('td').last()).not.toHaveText(before ?? '');
  await expect(row('captures.sqlite').locator('td').last()).toContainText(/MB|MiB/);
});
