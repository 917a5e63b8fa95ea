import { sendRaw } from '../../helpers/http';
import { expect, test } from './fixtures';
import { openResponders, setEditorText } from './responders-page';

const STATUS_BATCH =
  '[{"id_sms":12345678901234567890,"time":"2011-01-01 12:57:46","state":"deliver"},{"id_sms":3235,"time":"","state":"send"}]';

test('the starter rules answer a status batch and count the hit', async ({ app, page }) => {
  await openResponders(page, app.uiUrl);
  const rows = page.getByTestId('rule-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.getByTestId('rule-name')).toHaveText([
    /SMS status/,
    /SDK messages/,
    /Reverse integration/,
  ]);
  await expect(rows.getByTestId('rule-enabled')).toHaveCount(3);
  for (const toggle of await rows.getByTestId('rule-enabled').all()) await expect(toggle).toBeChecked();
  await expect(rows.first().getByTestId('rule-summary')).toHaveText('POST /sms/status');
  await expect(rows.first().getByTestId('rule-hits')).toHaveText('0');

  const base = app.receiverUrl.replace(/\/$/, '');
  const answer = await sendRaw(`${base}/sms/status`, {
    method: 'POST',
    headers: [['Content-Type', 'application/json']],
    body: STATUS_BATCH,
  });
  expect(answer.status).toBe(200);
  // Exact digits: the 20-digit id must never pass through a double.
  expect(answer.body.toString('utf8')).toBe('[{"id_sms":12345678901234567890},{"id_sms":3235}]');

  // No reload: the count arrives through the pushed ruleHits event.
  await expect(rows.first().getByTestId('rule-hits')).toHaveText('1');
  await expect(rows.nth(1).getByTestId('rule-hits')).toHaveText('0');
});

test('a rule made from the Plain preset answers, is credited in Captures and previews', async ({
  app,
  page,
}) => {
  await openResponders(page, app.uiUrl);
  const rows = page.getByTestId('rule-row');
  await expect(rows).toHaveCount(3);

  await page.getByTestId('add-rule').click();
  await expect(page.getByTestId('preset-sms-ack')).toBeVisible();
  await expect(page.getByTestId('preset-sdk-response')).toBeVisible();
  await expect(page.getByTestId('preset-smartico-reverse')).toBeVisible();
  await page.getByTestId('preset-plain').click();
  await expect(rows).toHaveCount(4);
  const editor = page.getByTestId('rule-editor');
  await expect(editor.getByTestId('rule-name-input')).toHaveValue('Plain response');

  await editor.getByTestId('rule-name-input').fill('Hello greeter');
  await editor.getByTestId('path-kind-select').selectOption('exact');
  await editor.getByTestId('path-value-input').fill('/hello');
  await editor.getByTestId('method-input').fill('POST');
  await editor.getByTestId('response-status-input').fill('201');
  const body = editor.getByTestId('response-body-editor');
  // CodeMirror's own styles apply despite the strict CSP (they would be a blocked <style> outside a shadow root).
  await expect(body.locator('.cm-scroller')).toHaveCSS('display', 'flex');
  // A tag right before the closing brace reads as `}}}` (a triple-stash close) in Handlebars;
  // the editor flags it where it is, and the fix is the space it suggests.
  await setEditorText(
    page,
    body,
    '{"greeting": "hi {{request.body.name}}", "count": {{request.body.count}}}',
  );
  await expect(editor.getByTestId('template-problems')).toContainText('line 1, column 71');
  await expect(body.locator('.cm-lintRange-error')).toBeVisible();
  await setEditorText(
    page,
    body,
    '{"greeting": "hi {{request.body.name}}", "count": {{request.body.count}} }',
  );
  await expect(editor.getByTestId('template-problems')).toHaveCount(0);
  await expect(editor.getByTestId('rule-dirty')).toHaveText('Unsaved changes');
  await editor.getByTestId('save-rule').click();
  await expect(editor.getByTestId('rule-dirty')).toHaveText('');
  await expect(page.getByTestId('rule-error')).toHaveCount(0);
  const ruleRow = rows.filter({ hasText: 'Hello greeter' });
  await expect(ruleRow.getByTestId('rule-summary')).toHaveText('POST /hello');

  const base = app.receiverUrl.replace(/\/$/, '');
  const answer = await sendRaw(`${base}/hello`, {
    method: 'POST',
    headers: [['Content-Type', 'application/json']],
    body: '{"name":"Ann \\"the\\" tester","count":3}',
  });
  expect(answer.status).toBe(201);
  // json-safe: the quotes in the name are escaped inside the string, the count stays a number.
  expect(JSON.parse(answer.body.toString('utf8'))).toEqual({ greeting: 'hi Ann "the" tester', count: 3 });
  await expect(ruleRow.getByTestId('rule-hits')).toHaveText('1');

  // Captures credit the rule that answered.
  await page.getByTestId('nav-captures').click();
  await page.getByTestId('capture-row').filter({ hasText: '/hello' }).click();
  const detail = page.getByTestId('capture-detail');
  await detail.getByRole('tab', { name: 'Response' }).click();
  await expect(detail.getByTestId('answered-by')).toContainText('Hello greeter');

  // Preview: the saved rule against the captured request.
  await page.getByTestId('nav-responders').click();
  await ruleRow.getByTestId('rule-select').click();
  await expect(page.getByTestId('rule-name-input')).toHaveValue('Hello greeter');
  const select = page.getByTestId('preview-capture-select');
  const helloOption = await select.locator('option', { hasText: '/hello' }).getAttribute('value');
  await select.selectOption(helloOption ?? '');
  await expect(page.getByTestId('preview-status')).toHaveText('201');
  await expect(page.getByTestId('preview-body')).toContainText('hi Ann \\"the\\" tester');

  // A broken template is reported with its line and column, under the editor.
  await setEditorText(page, page.getByTestId('response-body-editor'), '{{#if}}');
  await expect(page.getByTestId('template-problems')).toContainText(/line \d+, column \d+: \S/);
  await page.screenshot({ path: test.info().outputPath('responders.png') });
});

test('saving an invalid rule shows the core’s message inline', async ({ app, page }) => {
  await openResponders(page, app.uiUrl);
  const editor = page.getByTestId('rule-editor');
  await editor.getByTestId('path-kind-select').selectOption('exact');
  await editor.getByTestId('path-value-input').fill('no-leading-slash');
  await editor.getByTestId('save-rule').click();
  await expect(page.getByTestId('rule-error')).toContainText(/path/i);
  await expect(editor.getByTestId('rule-dirty')).toHaveText('Unsaved changes');
});

test('a bad regex or JSON path marks its own condition, in the core’s words', async ({ app, page }) => {
  await openResponders(page, app.uiUrl);
  const editor = page.getByTestId('rule-editor');
  const query = editor.getByTestId('query-conditions');
  await query.getByRole('button', { name: 'Add query condition' }).click();
  await query.getByRole('button', { name: 'Add query condition' }).click();
  await query.getByLabel('Query parameters: parameter 1').fill('mode');
  await query.getByLabel('Query parameters: parameter 2').fill('account');
  await query.getByLabel('Query parameters: test 2').selectOption('regex');
  const pattern = query.getByLabel('Query parameters: value 2');
  await pattern.fill('(');
  const json = editor.getByTestId('body-json-conditions');
  await json.getByRole('button', { name: 'Add JSON condition' }).click();
  const path = json.getByLabel('Body JSON: json path 1');
  await path.fill('campaign_name');

  await editor.getByTestId('save-rule').click();
  const regexProblem = query.getByTestId('field-problem');
  await expect(regexProblem).toHaveAttribute('data-field', 'match.query.1.value');
  await expect(regexProblem).toHaveText(/^The pattern \/\(\/ is not a valid regular expression \(.+\)\.$/);
  await expect(pattern).toHaveAttribute('aria-invalid', 'true');
  await expect(pattern).toHaveAccessibleDescription(/The pattern \/\(\/ is not a valid regular expression/);
  // The rest of the row, and the first row, are fine.
  await expect(query.getByLabel('Query parameters: parameter 2')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(query.getByLabel('Query parameters: value 1')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(pattern).toBeFocused();
  await expect(json.getByTestId('field-problem')).toHaveText(
    'A JSON path starts with "$", e.g. $.campaign_name (got "campaign_name").',
  );
  await expect(path).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('rule-error')).toHaveText(
    `${await regexProblem.textContent()} (1 more marked below)`,
  );
  await page.screenshot({ path: test.info().outputPath('responders-condition-problem.png') });

  // The marks follow the fixes, and then the rule saves.
  await pattern.fill('^acc-\\d+$');
  await expect(regexProblem).toHaveCount(0);
  await expect(pattern).not.toHaveAttribute('aria-invalid', 'true');
  await path.fill('$.campaign_name');
  await expect(editor.getByTestId('field-problem')).toHaveCount(0);
  await expect(page.getByTestId('rule-error')).toHaveCount(0);
  await editor.getByTestId('save-rule').click();
  await expect(editor.getByTestId('rule-dirty')).toHaveText('');
});

test('rules reorder with the keyboard buttons and by dragging', async ({ app, page }) => {
  await openResponders(page, app.uiUrl);
  const names = page.getByTestId('rule-row').getByTestId('rule-name');
  await expect(names).toHaveText([/SMS status/, /SDK messages/, /Reverse integration/]);

  await page.getByTestId('rule-row').first().getByTestId('rule-move-down').click();
  await expect(names).toHaveText([/SDK messages/, /SMS status/, /Reverse integration/]);
  // Focus stays on the moved rule's button, so pressing again keeps moving it.
  await page.keyboard.press('Enter');
  await expect(names).toHaveText([/SDK messages/, /Reverse integration/, /SMS status/]);

  await page
    .getByTestId('rule-row')
    .filter({ hasText: 'SMS status' })
    .dragTo(page.getByTestId('rule-row').first(), { targetPosition: { x: 20, y: 2 } });
  await expect(names).toHaveText([/SMS status/, /SDK messages/, /Reverse integration/]);

  // The order is the core's, not just the screen's.
  await page.reload();
  await page.getByTestId('nav-responders').click();
  await expect(names).toHaveText([/SMS status/, /SDK messages/, /Reverse integration/]);
});

test('a disabled rule is skipped, and Captures say the fallback answered', async ({ app, page }) => {
  await openResponders(page, app.uiUrl);
  const smsRow = page.getByTestId('rule-row').first();
  await smsRow.getByTestId('rule-enabled').uncheck();
  // The switch flips before the core confirms; a reload shows what the core has stored.
  await page.reload();
  await page.getByTestId('nav-responders').click();
  await expect(smsRow.getByTestId('rule-enabled')).not.toBeChecked();

  const base = app.receiverUrl.replace(/\/$/, '');
  const answer = await sendRaw(`${base}/sms/status`, {
    method: 'POST',
    headers: [['Content-Type', 'application/json']],
    body: STATUS_BATCH,
  });
  expect(answer.status).toBe(200);
  expect(JSON.parse(answer.body.toString('utf8'))).toEqual({ ok: true });
  await sendRaw(`${base}/smartico/reverse?x=1`);

  await page.getByTestId('nav-captures').click();
  const rows = page.getByTestId('capture-row');
  await rows.filter({ hasText: '/sms/status' }).click();
  await expect(rows.filter({ hasText: '/sms/status' }).getByTestId('row-kind')).toHaveText('SMS');
  const detail = page.getByTestId('capture-detail');
  await detail.getByRole('tab', { name: 'Response' }).click();
  await expect(detail.getByTestId('answered-by')).toContainText('fallback');

  // Not a reverse-integration call: the responder says so in the findings.
  await rows.filter({ hasText: '/smartico/reverse' }).click();
  await detail.getByRole('tab', { name: 'Request' }).click();
  await expect(detail.getByTestId('findings').getByTestId('finding')).not.toHaveCount(0);
});

test('rules export to a file, import back after the others, and delete after confirming', async ({
  app,
  page,
}) => {
  await openResponders(page, app.uiUrl);
  const rows = page.getByTestId('rule-row');
  await expect(rows).toHaveCount(3);

  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-rules').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('hookbench-rules.json');
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  expect((JSON.parse(text) as { rules: unknown[] }).rules).toHaveLength(3);

  await page
    .getByTestId('import-file-input')
    .setInputFiles({ name: 'hookbench-rules.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByTestId('import-append')).toBeVisible();
  await expect(page.getByTestId('import-forward-targets')).toBeHidden();
  await page.getByTestId('import-append').click();
  await expect(rows).toHaveCount(6);

  // A file whose rules would forward what they match elsewhere says where before anything changes.
  const file = JSON.parse(text) as { rules: Record<string, unknown>[] };
  const forward = (url: string) => ({ url, rebase: true, passthrough: false, timeoutMs: 5000 });
  file.rules[0] = { ...file.rules[0], forward: forward('https://collector.example/hooks') };
  file.rules[1] = { ...file.rules[1], forward: forward('https://collector.example/hooks') };
  file.rules[2] = { ...file.rules[2], enabled: false, forward: forward('https://off.example/') };
  await page.getByTestId('import-file-input').setInputFiles({
    name: 'forwarding-rules.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  const targets = page.getByTestId('import-forward-targets');
  await expect(targets).toContainText('forward a copy of every request they match to these servers');
  await expect(targets.getByRole('listitem')).toHaveText([
    'https://collector.example/hooks',
    'https://off.example/ — from disabled rules: once one is enabled',
  ]);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(targets).toBeHidden();
  await expect(rows).toHaveCount(6);

  // A broken file is refused at once, in words, before any "replace or add?" question.
  const broken = JSON.stringify({ ...JSON.parse(text), fallback: { status: 999, headers: [], body: '' } });
  await page
    .getByTestId('import-file-input')
    .setInputFiles({ name: 'broken-rules.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
  await expect(
    page.getByText('Fallback response: Status must be a whole number from 100 to 599.'),
  ).toBeVisible();
  await expect(page.getByTestId('import-append')).toBeHidden();
  await expect(rows).toHaveCount(6);

  await rows.nth(5).getByTestId('rule-select').click();
  await page.getByTestId('delete-rule').click();
  await page.getByTestId('confirm-delete-rule').click();
  await expect(rows).toHaveCount(5);
});

test('the fallback answers what no rule matches, as edited', async ({ app, page }) => {
  await openResponders(page, app.uiUrl);
  const fallback = page.getByTestId('fallback');
  await fallback.locator('summary').click();
  // Out of range: refused at the field, before anything is sent, and the mark follows the fix.
  const status = fallback.getByTestId('fallback-status-input');
  await status.fill('999');
  await fallback.getByTestId('save-fallback').click();
  await expect(fallback.getByTestId('field-problem')).toHaveText(
    'Status must be a whole number from 100 to 599.',
  );
  await expect(status).toHaveAttribute('aria-invalid', 'true');
  await expect(status).toBeFocused();
  await status.fill('202');
  await expect(fallback.getByTestId('field-problem')).toHaveCount(0);
  await setEditorText(page, fallback.getByTestId('fallback-body-editor'), '{"ok":"fallback"}');
  // Unsaved edits survive a visit to another screen, shown open.
  await page.getByTestId('nav-captures').click();
  await page.getByTestId('nav-responders').click();
  await expect(fallback.getByTestId('fallback-status-input')).toHaveValue('202');
  await expect(fallback.getByTestId('fallback-body-editor').locator('.cm-content')).toHaveText(
    '{"ok":"fallback"}',
  );
  await fallback.getByTestId('save-fallback').click();
  await expect(fallback.getByTestId('fallback-outcome')).toHaveText('Saved.');
  await expect(fallback.locator('summary')).toContainText('202');

  const base = app.receiverUrl.replace(/\/$/, '');
  const answer = await sendRaw(`${base}/nothing/here`, { method: 'PUT', body: 'x' });
  expect(answer.status).toBe(202);
  expect(answer.body.toString('utf8')).toBe('{"ok":"fallback"}');
});
