import { sendRaw } from '../../helpers/http';
import { expect, test } from './fixtures';

/** More than the first page and two older pages of 2,500, so the scroll loads older pages twice. */
const CAPTURES = 5_500;

/** The little of the DOM these page functions use (this file is type-checked without the DOM library). */
interface Box {
  top: number;
  bottom: number;
}
interface Element {
  scrollTop: number;
  clientHeight: number;
  textContent: string | null;
  isConnected: boolean;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): Box;
  querySelectorAll(selector: string): Iterable<Element>;
}
interface PageGlobals {
  document: { querySelector(selector: string): Element | null };
  requestAnimationFrame(callback: () => void): number;
  rowCounts(): { rendered: number; visible: number };
}

/** Gives the page `rowCounts()`: rows in the DOM, and rows at least partly inside the list's viewport. */
function installRowCounts(): void {
  const page = globalThis as unknown as PageGlobals;
  page.rowCounts = () => {
    const list = page.document.querySelector('[data-testid="capture-list"]');
    if (!list) throw new Error('no capture list');
    const box = list.getBoundingClientRect();
    const rows = [...list.querySelectorAll('[data-testid="capture-row"]')];
    const visible = rows.filter((row) => {
      const r = row.getBoundingClientRect();
      return r.bottom > box.top && r.top < box.bottom;
    });
    return { rendered: rows.length, visible: visible.length };
  };
}
const rowCounts = () => (globalThis as unknown as PageGlobals).rowCounts();

test('a long list scrolls to its oldest capture through older pages; a dragged-scrollbar pace renders only what shows', async ({
  app,
  page,
}) => {
  test.setTimeout(90_000);
  const base = app.receiverUrl.replace(/\/$/, '');
  // Eight at a time: the receiver stores them in arrival order, ids 1…5,500.
  for (let i = 0; i < CAPTURES; i += 8) {
    await Promise.all(
      Array.from({ length: Math.min(8, CAPTURES - i) }, (_, k) =>
        sendRaw(`${base}/seed/${i + k}`, { method: 'POST', body: `{"n":${i + k}}` }),
      ),
    );
  }
  await page.addInitScript(installRowCounts);
  await page.goto(app.uiUrl);
  await expect(page.getByTestId('capture-total')).toHaveText(String(CAPTURES));
  const list = page.getByTestId('capture-list');
  await expect(list.getByTestId('capture-row').first()).toBeVisible();

  // At rest, rows beyond the viewport's lower edge are rendered too (a wheel's next step shows them at once).
  const atRest = await page.evaluate(rowCounts);
  expect(atRest.rendered).toBeGreaterThan(atRest.visible + 3);

  // Leaps of several screens a frame, as a dragged scrollbar makes, to the very end: older pages
  // load on the way, and the rows rendered in each frame are the visible ones and one each side.
  const leaping = await page.evaluate(async (oldestPath) => {
    const inPage = globalThis as unknown as PageGlobals;
    const scroller = inPage.document.querySelector('[data-testid="capture-list"]');
    if (!scroller) throw new Error('no capture list');
    const frame = () => new Promise<void>((resolve) => inPage.requestAnimationFrame(resolve));
    const extra: number[] = [];
    // The top row's element from one leap to the next: refilled with another capture, or new.
    let refilled = 0;
    let replaced = 0;
    let top: Element | null = null;
    let topId: string | null = null;
    const started = performance.now();
    for (;;) {
      scroller.scrollTop += 3 * scroller.clientHeight;
      // Until the rows for the new place are drawn (a busy machine may take more than a frame).
      let counts = inPage.rowCounts();
      for (let waited = 0; waited < 2 || (counts.visible === 0 && waited < 30); waited++) {
        await frame();
        counts = inPage.rowCounts();
      }
      extra.push(counts.rendered - counts.visible);
      const first = [...scroller.querySelectorAll('[data-testid="capture-row"]')][0] ?? null;
      if (top !== null && first !== null) {
        if (first === top && first.getAttribute('data-id') !== topId) refilled++;
        else if (first !== top) replaced++;
      }
      top = first;
      topId = first?.getAttribute('data-id') ?? null;
      const paths = [...scroller.querySelectorAll('[data-testid="row-path"]')].map((p) => p.textContent);
      if (paths.includes(oldestPath)) return { extra, refilled, replaced, reachedEnd: true };
      if (performance.now() - started > 30_000) return { extra, refilled, replaced, reachedEnd: false };
    }
  }, '/seed/0');
  expect(leaping.reachedEnd).toBe(true);
  // Most leap frames render at most one row beyond each edge (plus the one cut by the edge)…
  const lean = leaping.extra.filter((n) => n <= 4).length;
  expect(lean / leaping.extra.length).toBeGreaterThan(0.5);
  // …and refill the row elements already on screen rather than building new ones.
  expect(leaping.refilled).toBeGreaterThan(leaping.replaced);

  // Settled again: the full margin is back above the viewport.
  await expect
    .poll(async () => {
      const counts = await page.evaluate(rowCounts);
      return counts.rendered - counts.visible;
    })
    .toBeGreaterThan(4);
  await expect(list.getByTestId('row-path').filter({ hasText: /^\/seed\/0$/ })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('scrolled-to-oldest.png') });

  // Back at the top, at rest, the list follows new arrivals: each row element moves down with its
  // capture instead of showing the next one, so the element under a click is the capture it shows.
  await list.evaluate((scroller) => {
    scroller.scrollTop = 0;
  });
  // Settled at the top, not still at the bottom before the scroll event is handled (where the
  // margin is full too), nor mid-leap with the newest row keyed by its place on screen.
  await expect
    .poll(async () => {
      const counts = await page.evaluate(rowCounts);
      const newestShown = await list.locator(`[data-testid="capture-row"][data-id="${CAPTURES}"]`).count();
      return newestShown === 1 && counts.rendered - counts.visible > 4;
    })
    .toBe(true);
  const newest = await list.locator(`[data-testid="capture-row"][data-id="${CAPTURES}"]`).elementHandle();
  if (!newest) throw new Error('the newest capture has no row');
  await sendRaw(`${base}/late`, { method: 'POST', body: '{"late":true}' });
  await expect(list.getByTestId('row-path').first()).toHaveText('/late');
  expect(await newest.evaluate((row) => [row.isConnected, row.getAttribute('data-id')])).toEqual([
    true,
    String(CAPTURES),
  ]);
});
