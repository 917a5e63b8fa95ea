/**
 * Runs that end while the browser's connection to the host is down: once the page is connected
 * again it shows how they ended. A bulk replay's last events, and a simulation's answer, were lost
 * with the connection: the page kept "Running…" with Start disabled (bulk) or "The connection to
 * Hookbench was lost" (simulation) until a reload, although the run had finished in Hookbench.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page, WebSocketRoute } from '@playwright/test';
import { sendRaw } from '../../helpers/http';
import { expect, test } from './fixtures';

/**
 * A target that answers each request after `delayMs`, counting the answers it has sent: with
 * `{"ok":true}`, or with `answer(body)`.
 */
async function startSlowTarget(delayMs: number, answer: (body: string) => string = () => '{"ok":true}') {
  let answered = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      setTimeout(() => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(answer(Buffer.concat(chunks).toString()), () => {
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

/** Routes every bridge socket of the page, so a test can cut the connection and refuse new ones. */
async function cuttableBridge(page: Page) {
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
  return {
    async cut() {
      refusing = true;
      for (const socket of open.splice(0)) await socket.close();
      await expect(page.getByTestId('bridge-state')).not.toHaveAttribute('data-state', 'open');
    },
    async restore() {
      refusing = false;
      await expect(page.getByTestId('bridge-state')).toHaveAttribute('data-state', 'open', {
        timeout: 15_000,
      });
    },
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
    const bridge = await cuttableBridge(page);
    await page.goto(app.uiUrl);
    await page.getByTestId('nav-replay').click();
    await page.getByTestId('replay-target-input').fill(target.url);
    await page.getByTestId('replay-filter-input').fill('path:/pace');
    await expect(page.getByTestId('replay-filter-matched')).toContainText('2 captures');
    await page.getByTestId('replay-bulk-start').click();
    const progress = page.getByTestId('replay-progress');
    await expect(progress).toHaveAttribute('data-state', 'running');

    await bridge.cut();
    // The run ends on the host while the page cannot hear it.
    await expect.poll(target.answered, { timeout: 10_000 }).toBe(2);
    await page.waitForTimeout(300);
    await expect(progress).toHaveAttribute('data-state', 'running');

    await bridge.restore();
    await expect(progress).toHaveAttribute('data-state', 'done');
    await expect(page.getByTestId('replay-progress-text')).toContainText('2 of 2 sent');
    await expect(page.getByTestId('replay-bulk-start')).toBeEnabled();
    await expect(page.getByTestId('replay-result')).toHaveCount(2);
  } finally {
    await target.close();
  }
});

test('a simulation that ends while the bridge is down shows its report once reconnected', async ({
  app,
  page,
}) => {
  // The customer's server acknowledges every status it gets, 1.5 s later.
  const target = await startSlowTarget(1500, (body) =>
    JSON.stringify((JSON.parse(body) as { id_sms: number }[]).map(({ id_sms }) => ({ id_sms }))),
  );
  try {
    const bridge = await cuttableBridge(page);
    await page.goto(app.uiUrl);
    await page.getByTestId('nav-replay').click();
    await page.getByRole('tab', { name: 'SMS gateway' }).click();
    await page.getByTestId('sms-sim-target').fill(target.url);
    await page.getByTestId('sms-sim-ids').fill('11, 12');
    await page.getByTestId('sms-sim-run').click();
    await expect(page.getByTestId('sms-sim-run')).toHaveAttribute('data-running', 'true');

    await bridge.cut();
    await expect.poll(target.answered, { timeout: 10_000 }).toBe(1);
    // Still shown as running, not as a failure: the run goes on in Hookbench.
    await expect(page.getByTestId('sms-sim-run')).toHaveAttribute('data-running', 'true');
    await expect(page.getByTestId('sim-error')).toHaveCount(0);

    await bridge.restore();
    await expect(page.getByTestId('sms-sim-summary')).toHaveText('All 2 ids acknowledged after 1 attempt.');
    await expect(page.getByTestId('sms-sim-run')).toBeEnabled();
    await expect(page.getByTestId('sim-error')).toHaveCount(0);
  } finally {
    await target.close();
  }
});
