/**
 * A captured SVG is attacker-written markup that may carry <script>. Inside the <img> preview it
 * never runs; but the image's address can be opened on its own ("Open image in new tab", dragging
 * it to the tab bar), and a blob: address belongs to the UI's origin, where the script could
 * talk to the bridge. The preview must use an address whose document gets an opaque origin.
 */
import { sendRaw } from '../../helpers/http';
import { expect, test } from './fixtures';

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><script>document.title = 'origin:' + location.origin;</script><rect width="4" height="4" fill="red"/></svg>`;

test('an SVG body previews as an image whose address, opened alone, does not run at the UI origin', async ({
  app,
  page,
  context,
}) => {
  await page.goto(app.uiUrl);
  await expect(page.getByTestId('receiver-state')).toContainText('listening');
  const base = app.receiverUrl.replace(/\/$/, '');
  const res = await sendRaw(`${base}/svg/hostile`, {
    method: 'POST',
    headers: [['Content-Type', 'image/svg+xml']],
    body: SVG,
  });
  expect(res.status).toBe(200);

  await page.getByTestId('capture-row').filter({ hasText: '/svg/hostile' }).click();
  const body = page.getByTestId('capture-detail').getByTestId('body-view');
  await expect(body).toHaveAttribute('data-view', 'image');
  const image = body.locator('img');
  await expect(image).toHaveJSProperty('naturalWidth', 4);
  const src = (await image.getAttribute('src')) ?? '';

  // What "Open image in new tab" does: a top-level document at the image's address.
  const opened = await context.newPage();
  await opened.goto(src);
  // The script runs in the opened document (the title says where), but in an opaque origin.
  await expect.poll(async () => opened.title()).toMatch(/^origin:/);
  expect(await opened.title()).toBe('origin:null');
});
