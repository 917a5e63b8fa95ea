import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendRaw } from '../../helpers/http';
import { expect, test } from './fixtures';

test('a rule set in the UI to forward sends each matching request on, and the capture says how it went', async ({
  app,
  page,
}) => {
  const received: { url: string; body: string }[] = [];
  const target: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on('end', () => {
      received.push({ url: req.url ?? '', body });
      res.statusCode = 202;
      res.end('{"from":"target"}');
    });
  });
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  const targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
  try {
    await page.goto(app.uiUrl);
    await page.getByTestId('nav-responders').click();
    await page.getByTestId('add-rule').click();
    await page.getByTestId('preset-plain').click();
    const editor = page.getByTestId('rule-editor');
    await editor.getByTestId('rule-name-input').fill('Forward hooks');
    await editor.getByTestId('path-kind-select').selectOption('prefix');
    await editor.getByTestId('path-value-input').fill('/hooks');
    await editor.getByTestId('forward-toggle').check();
    await editor.getByTestId('forward-url-input').fill(`${targetUrl}/app`);
    await editor.getByTestId('save-rule').click();
    await expect(page.getByTestId('rule-error')).toHaveCount(0);
    await expect(editor.getByTestId('rule-dirty')).toHaveText('');

    const base = app.receiverUrl.replace(/\/$/, '');
    const answer = await sendRaw(`${base}/hooks/sms?x=1`, { method: 'POST', body: '{"id_sms":1}' });
    // The caller gets the rule's own answer; the target gets the same request.
    expect(answer.status).toBe(200);
    await expect.poll(() => received).toEqual([{ url: '/app/hooks/sms?x=1', body: '{"id_sms":1}' }]);

    await page.getByTestId('nav-captures').click();
    await page.getByTestId('capture-row').filter({ hasText: '/hooks/sms' }).click();
    await expect(
      page.getByTestId('capture-detail').getByTestId('finding').filter({ hasText: 'Forwarded to' }),
    ).toContainText(`Forwarded to ${targetUrl}/app/hooks/sms?x=1: 202`);
  } finally {
    target.closeAllConnections();
    await new Promise<void>((resolve) => target.close(() => resolve()));
  }
});
