/**
 * A bulk replay that ends while the browser's connection to the host is down: once the page is
 * connected again it shows how the run ended (its last events were lost with the connection),
 * instead of "Running…" with Start disabled until a reload.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebSocketRoute } from '@playwright/test';
import { sendRaw } from '../../helpers/http';
import { expect, test } from './fixtures';

/** A target that answers each request after `delayMs`, counting the answers it has sent. */
async function startSlowTarget(delayMs: number) {
  let answered = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      setTimeout(() => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('{"ok":true}', () => {
          answered += 1;
        });
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    answered: () => answered,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

test('a bulk replay that ends while the bridge is down shows its outcome once reconnected', async ({
  app,
  page,
}) => {
  const target = await startSlowTarget(1500);
  try {
    for (const n of [1, 2]) {
      const answer = await sendRaw(`${app.receiverUrl}pace/${n}`, {
        method: 'POST',
        headers: [['Content-Type', 'application/json']],
        body: `{"n":${n}}`,
      });
      expect(answer.status).toBe(200);
    }
    // Every bridge socket goes through here, so the test can cut the connection and refuse new ones.
    const open: WebSocketRoute[] = [];
    let refusing = false;
    await page.routeWebSocket(/\/bridge/, (socket) => {
      if (refusing) {
        void socket.close();
        return;
      }
      socket.connectToServer();
      open.push(socket);
    });
    await page.goto(app.uiUrl);
    await page.getByTestId('nav-replay').click();
    await page.getByTestId('replay-target-input').fill(target.url);
    await page.getByTestId('replay-filter-input').fill('path:/pace');
    await expect(page.getByTestId('replay-filter-matched')).toContainText('2 captures');
    await page.getByTestId('replay-bulk-start').click();
    const progress = page.getByTestId('replay-progress');
    await expect(progress).toHaveAttribute('data-state', 'running');

    refusing = true;
    for (const socket of open.splice(0)) await socket.close();
    await expect(page.getByTestId('bridge-state')).not.toHaveAttribute('data-state', 'open');
    // The run ends on the host while the page cannot hear it.
    await expect.poll(target.answered, { timeout: 10_000 }).toBe(2);
    await page.waitForTimeout(300);
    await expect(progress).toHaveAttribute('data-state', 'running');

    refusing = false;
    await expect(page.getByTestId('bridge-state')).toHaveAttribute('data-state', 'open', { timeout: 15_000 });
    await expect(progress).toHaveAttribute('data-state', 'done');
    await expect(page.getByTestId('replay-progress-text')).toContainText('2 of 2 sent');
    await expect(page.getByTestId('replay-bulk-start')).toBeEnabled();
    await expect(page.getByTestId('replay-result')).toHaveCount(2);
  } finally {
    await target.close();
  }
});
