/**
 * The browser bridge's frame limit: a command larger than the host accepts (16 MiB) is refused
 * in the page, in words, and the connection stays up. Before, the page sent it, the host closed
 * the socket, and every call in flight failed with "connection lost".
 */
import { writeFileSync } from 'node:fs';
import type { WebSocket } from '@playwright/test';
import { expect, test } from './fixtures';

const MiB = 1024 * 1024;

test('a file too large for the browser bridge is refused in words and the bridge stays up', async ({
  app,
  page,
}) => {
  const sockets: WebSocket[] = [];
  let closes = 0;
  let largestFrame = 0;
  page.on('websocket', (socket) => {
    sockets.push(socket);
    socket.on('close', () => {
      closes += 1;
    });
    socket.on('framesent', ({ payload }) => {
      largestFrame = Math.max(largestFrame, Buffer.byteLength(payload));
    });
  });
  await page.goto(app.uiUrl);
  await expect(page.getByTestId('receiver-state')).toContainText('listening');
  await expect(page.getByTestId('bridge-state')).toHaveAttribute('data-state', 'open');

  // 17 MiB of HAR-shaped JSON, as a large export would be.
  const file = test.info().outputPath('large.har');
  writeFileSync(file, `{"log":{"version":"1.2","entries":[],"comment":"${'x'.repeat(17 * MiB)}"}}`);
  await page.getByTestId('import-captures-input').setInputFiles(file);

  const notice = page.getByRole('alert');
  await expect(notice).toContainText('This is 17.0 MiB to send');
  await expect(notice).toContainText('at most 16.0 MiB at a time');
  await expect(notice).toContainText('hookbench import');
  await expect(page.getByTestId('import-captures')).toBeEnabled();

  // Nothing over the limit went out, the socket was never closed, and it still carries live events.
  expect(largestFrame).toBeLessThan(16 * MiB);
  expect(sockets).toHaveLength(1);
  expect(closes).toBe(0);
  await expect(page.getByTestId('bridge-state')).toHaveAttribute('data-state', 'open');
  const response = await fetch(`${app.receiverUrl.replace(/\/$/, '')}/after-refusal`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{"ok":true}',
  });
  expect(response.status).toBe(200);
  await expect(page.getByTestId('capture-row').filter({ hasText: '/after-refusal' })).toHaveCount(1);
  expect(closes).toBe(0);
});
