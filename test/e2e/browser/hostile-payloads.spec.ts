/**
 * Hostile payloads are shown as text and never executed. Captures carry
 * <script>, <img onerror>, javascript: links, SVG onload, ANSI escapes and a
 * 2 MB single line — in bodies, headers, the path and the answer a rule
 * sends. Each is opened in the UI; the test fails if any of them runs (a
 * dialog opens, `window.__pwned` is set), if the CSP had to block something
 * (which would mean the payload became markup), or if an element the
 * payload describes exists in the page.
 */
import type { Page } from '@playwright/test';
import { sendRaw } from '../../helpers/http';
import { responses, testRule, variant } from '../../helpers/rules';
import { openBridge } from '../../reliability/support/bridge';
import { rawExchange } from '../../reliability/support/raw';
import { expect, test } from './fixtures';

const pwn = (tag: string) => `window.__pwned='${tag}';alert('${tag}')`;

interface Hostile {
  path: string;
  headers: [string, string][];
  body: string;
  /** Text that must appear literally in the request body view. */
  shown: string;
}

const HOSTILE: Hostile[] = [
  {
    path: '/xss/script',
    headers: [['Content-Type', 'text/html']],
    body: `<script>${pwn('script')}</script>`,
    shown: `<script>${pwn('script')}</script>`,
  },
  {
    path: '/xss/img',
    headers: [['Content-Type', 'text/html']],
    body: `<img src=x onerror="${pwn('img')}"><svg onload="${pwn('svg')}"></svg>`,
    shown: '<img src=x onerror=',
  },
  {
    path: '/xss/json',
    headers: [['Content-Type', 'application/json']],
    body: JSON.stringify({
      link: `javascript:${pwn('json-link')}`,
      html: `<a href="javascript:${pwn('json-a')}">click</a>`,
      iframe: `<iframe srcdoc="<script>${pwn('srcdoc')}</script>"></iframe>`,
    }),
    shown: 'javascript:window.__pwned',
  },
  {
    path: '/xss/header',
    headers: [
      ['X-Evil', `<script>${pwn('header')}</script>`],
      ['X-Link', `javascript:${pwn('header-link')}`],
    ],
    body: 'header payloads',
    shown: 'header payloads',
  },
  {
    path: '/xss/ansi',
    headers: [['Content-Type', 'text/plain']],
    body: '\u001b[31mRED\u001b[0m \u001b]0;new title\u0007 \u001b[2J\u001b[H cleared? \u001b]8;;javascript:alert(1)\u001b\\link\u001b]8;;\u001b\\',
    shown: '[31mRED',
  },
  {
    path: '/xss/long-line',
    headers: [['Content-Type', 'text/plain']],
    body: `${'A'.repeat(2 * 1024 * 1024)}<script>${pwn('long')}</script>`,
    shown: 'AAAAAAAAAAAAAAAA',
  },
];

/** Anything a payload could have turned into if it were rendered as markup. */
const INJECTED = [
  'script:not([src])',
  'img[onerror]',
  'svg[onload]',
  'iframe',
  'a[href^="javascript:" i]',
  '[onerror]',
  '[onload]',
].join(', ');

/** What the init script keeps on the page's global object (tsconfig.node has no DOM types). */
interface Watch {
  __pwned?: string;
  __csp: string[];
  document: {
    addEventListener(
      type: string,
      listener: (event: { violatedDirective: string; blockedURI: string }) => void,
    ): void;
  };
}

async function expectNothingRan(page: Page, dialogs: string[], errors: string[]): Promise<void> {
  expect(await page.evaluate(() => (globalThis as unknown as Watch).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => (globalThis as unknown as Watch).__csp)).toEqual([]);
  expect(await page.locator(INJECTED).count()).toBe(0);
  expect(errors).toEqual([]);
  expect(await page.title()).toBe('Hookbench');
}

test('hostile payloads are shown as text and never run', async ({ app, page }) => {
  test.setTimeout(90_000);
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(() => {
    const w = globalThis as unknown as Watch;
    w.__csp = [];
    // A CSP violation means a payload reached the DOM as markup, even though the policy stopped it.
    w.document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });

  // A rule answers with a hostile body and header too, so the response side is exercised.
  const bridge = await openBridge(app.uiUrl);
  await bridge.call(
    'saveRule',
    testRule({
      match: { path: { kind: 'exact', value: '/xss/response' } },
      responder: responses(
        'sequential',
        variant({
          headers: [
            ['Content-Type', 'text/html'],
            ['X-Resp', `<img src=x onerror="${pwn('response-header')}">`],
          ],
          body: `<script>${pwn('response')}</script><img src=x onerror="${pwn('response-img')}">`,
          bodyMode: 'raw',
        }),
      ),
    }),
  );
  bridge.close();

  await page.goto(app.uiUrl);
  await expect(page.getByTestId('receiver-state')).toContainText('listening');
  const base = app.receiverUrl.replace(/\/$/, '');
  for (const hostile of HOSTILE) {
    const res = await sendRaw(`${base}${hostile.path}`, {
      method: 'POST',
      headers: hostile.headers,
      body: hostile.body,
    });
    expect(res.status, hostile.path).toBe(200);
  }
  expect((await sendRaw(`${base}/xss/response`, { method: 'POST', body: 'x' })).status).toBe(200);
  // Written raw: an HTTP client would percent-encode the markup in the request target.
  const { port } = new URL(base);
  const rawPath = await rawExchange(
    base,
    `GET /xss/path?q=<svg/onload=alert('path')>"><img/src/onerror=alert(1)> HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`,
  );
  expect(rawPath.text).toMatch(/^HTTP\/1\.1 200 /);
  const rows = page.getByTestId('capture-row');
  await expect(rows).toHaveCount(HOSTILE.length + 2);

  const detail = page.getByTestId('capture-detail');
  for (const hostile of HOSTILE) {
    const pathOnly = hostile.path.split('?')[0] as string;
    await rows.filter({ hasText: pathOnly }).click();
    await page.getByRole('tab', { name: 'Request' }).click();
    await expect(detail.getByTestId('body-view')).toContainText(hostile.shown);
    await expectNothingRan(page, dialogs, errors);
    // Every other way the inspector offers to show this body (tree, raw, hex…) is text as well.
    const views = detail.locator('input[data-testid^="view-"]');
    for (let i = 0; i < (await views.count()); i++) {
      await views.nth(i).check({ force: true });
      await expectNothingRan(page, dialogs, errors);
    }
  }

  // The path and header values are text as well.
  const pathRow = rows.filter({
    hasText: `/xss/path?q=<svg/onload=alert('path')>"><img/src/onerror=alert(1)>`,
  });
  await expect(pathRow).toHaveCount(1);
  await pathRow.click();
  await expect(detail).toContainText(`<svg/onload=alert('path')>`);
  await expectNothingRan(page, dialogs, errors);
  await rows.filter({ hasText: '/xss/header' }).click();
  await expect(detail.getByTestId('header-row').filter({ hasText: 'X-Evil' })).toContainText(
    `<script>${pwn('header')}`,
  );
  await expectNothingRan(page, dialogs, errors);

  await rows.filter({ hasText: '/xss/response' }).click();
  await page.getByRole('tab', { name: 'Response' }).click();
  await expect(detail.getByTestId('response-body-view')).toContainText(`<script>${pwn('response')}</script>`);
  await expect(detail).toContainText('onerror=');
  await expectNothingRan(page, dialogs, errors);
  await page.screenshot({ path: test.info().outputPath('hostile-payloads.png') });
});
