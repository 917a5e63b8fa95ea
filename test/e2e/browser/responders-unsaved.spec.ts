import type { Locator, Page } from '@playwright/test';
import { presetRule } from '../../../shared/presets';
import { sendRaw } from '../../helpers/http';
import { expect, test } from './fixtures';
import { openResponders, setEditorText } from './responders-page';

/** Whether the element is inside the window (the form scrolls inside it). */
async function inView(locator: Locator, page: Page): Promise<boolean> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) return false;
  return box.y >= 0 && box.y + box.height <= viewport.height;
}

test('unsaved edits to a rule, the selection and the previewed capture survive a visit to another screen', async ({
  app,
  page,
}) => {
  const receiver = app.receiverUrl.replace(/\/$/, '');
  for (const path of ['/older', '/newer'])
    await sendRaw(`${receiver}${path}`, { method: 'POST', body: '{}' });
  await openResponders(page, app.uiUrl);
  await page.getByTestId('add-rule').click();
  await page.getByTestId('preset-plain').click();
  const rows = page.getByTestId('rule-row');
  await expect(rows).toHaveCount(4);
  const editor = page.getByTestId('rule-editor');
  await expect(editor.getByTestId('rule-name-input')).toHaveValue('Plain response');
  const ruleId = await editor.getAttribute('data-rule-id');

  await editor.getByTestId('response-status-input').fill('201');
  await setEditorText(page, editor.getByTestId('response-body-editor'), '{"made":"here"}');
  await expect(editor.getByTestId('rule-dirty')).toHaveText('Unsaved changes');
  // The preview shows the newest capture until another is chosen.
  const previewOf = page.getByTestId('preview-capture-select');
  await expect(previewOf.locator('option:checked')).toContainText('/newer');
  const older = await previewOf.locator('option', { hasText: '/older' }).getAttribute('value');
  await previewOf.selectOption(older ?? '');

  await page.getByTestId('nav-captures').click();
  await expect(page.getByTestId('rule-editor')).toHaveCount(0);
  await page.getByTestId('nav-responders').click();
  await expect(previewOf).toHaveValue(older ?? '');

  // The same rule, still edited and still unsaved.
  await expect(editor).toHaveAttribute('data-rule-id', ruleId ?? '');
  await expect(rows.nth(3)).toHaveClass(/selected/);
  await expect(editor.getByTestId('response-status-input')).toHaveValue('201');
  await expect(editor.getByTestId('response-body-editor').locator('.cm-content')).toHaveText(
    '{"made":"here"}',
  );
  await expect(editor.getByTestId('rule-dirty')).toHaveText('Unsaved changes');

  // Switching rules still asks; keeping the edits keeps them.
  await rows.first().getByTestId('rule-select').click();
  await expect(page.getByTestId('confirm-discard')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(editor).toHaveAttribute('data-rule-id', ruleId ?? '');
  await expect(editor.getByTestId('response-status-input')).toHaveValue('201');

  // Saving them is what the receiver answers with.
  await editor.getByTestId('save-rule').click();
  await expect(editor.getByTestId('rule-dirty')).toHaveText('');
  const answer = await sendRaw(`${receiver}/anything`, {
    method: 'POST',
    body: '{}',
  });
  expect(answer.status).toBe(201);
  expect(answer.body.toString('utf8')).toBe('{"made":"here"}');

  // A discarded draft is gone for good: the other rule shows as saved, and so does this one after.
  await editor.getByTestId('response-status-input').fill('202');
  await rows.first().getByTestId('rule-select').click();
  await page.getByTestId('confirm-discard').click();
  await expect(editor).not.toHaveAttribute('data-rule-id', ruleId ?? '');
  await page.getByTestId('nav-captures').click();
  await page.getByTestId('nav-responders').click();
  await expect(rows.first()).toHaveClass(/selected/);
  await rows.nth(3).getByTestId('rule-select').click();
  await expect(editor.getByTestId('response-status-input')).toHaveValue('201');
  await expect(editor.getByTestId('rule-dirty')).toHaveText('');
});

test('an out-of-range field is named in words and marked where it is', async ({ app, page }) => {
  await page.setViewportSize({ width: 1280, height: 700 });
  await sendRaw(`${app.receiverUrl.replace(/\/$/, '')}/sms/status`, {
    method: 'POST',
    headers: [['Content-Type', 'application/json']],
    body: '[{"id_sms":1,"time":"","state":"send"}]',
  });
  await openResponders(page, app.uiUrl);
  const editor = page.getByTestId('rule-editor');
  await expect(editor.getByTestId('responder-kind-select')).toHaveValue('sms-ack');
  await editor.getByTestId('sms-ack-mode-select').selectOption('percentage');
  const percentage = editor.getByLabel('Percentage acknowledged');
  await percentage.fill('150');

  // The preview asks the core, which names the field of this responder, not another kind's.
  await expect(page.getByTestId('preview-error')).toHaveText(
    'Percentage must be a number from 0 to 100, decimals allowed.',
  );

  await editor.getByTestId('save-rule').click();
  const error = page.getByTestId('rule-error');
  await expect(error).toHaveText('Percentage must be a number from 0 to 100, decimals allowed.');
  const problem = editor.getByTestId('field-problem');
  await expect(problem).toHaveText('Percentage must be a number from 0 to 100, decimals allowed.');
  await expect(percentage).toHaveAttribute('aria-invalid', 'true');
  await expect(percentage).toBeFocused();
  // Both the message by Save and the marked field are on screen.
  expect(await inView(error, page)).toBe(true);
  expect(await inView(problem, page)).toBe(true);
  expect(await inView(percentage, page)).toBe(true);
  await expect(editor.getByTestId('rule-dirty')).toHaveText('Unsaved changes');

  // Fixing the field clears the marks, and the save goes through.
  await percentage.fill('30');
  await expect(problem).toHaveCount(0);
  await expect(error).toHaveCount(0);
  await expect(percentage).not.toHaveAttribute('aria-invalid', 'true');
  await editor.getByTestId('save-rule').click();
  await expect(editor.getByTestId('rule-dirty')).toHaveText('');

  // A response status out of range, on a rule of its own responses.
  await page.getByTestId('add-rule').click();
  await page.getByTestId('preset-plain').click();
  await expect(editor.getByTestId('rule-name-input')).toHaveValue('Plain response');
  const status = editor.getByTestId('response-status-input');
  await status.fill('999');
  await expect(page.getByTestId('preview-error')).toHaveText(
    'Status must be a whole number from 100 to 599.',
  );
  await editor.getByTestId('save-rule').click();
  await expect(error).toHaveText('Status must be a whole number from 100 to 599.');
  await expect(editor.getByTestId('field-problem')).toHaveText(
    'Status must be a whole number from 100 to 599.',
  );
  await expect(status).toHaveAttribute('aria-invalid', 'true');
  await expect(status).toBeFocused();
  expect(await inView(error, page)).toBe(true);
  await page.screenshot({ path: test.info().outputPath('responders-field-problem.png') });
});

test('a percentage acknowledged takes decimals, imported or typed, and says so', async ({ app, page }) => {
  await openResponders(page, app.uiUrl);
  const editor = page.getByTestId('rule-editor');
  const percentage = editor.getByLabel('Percentage acknowledged');
  const rows = page.getByTestId('rule-row');

  // A rules file with 12.5 imports, and its field shows the value as valid.
  const imported = presetRule('sms-ack', () => 'rule-imported');
  imported.name = 'One in eight';
  imported.responder = { kind: 'sms-ack', mode: 'percentage', ids: [], percentage: 12.5, seed: 7 };
  const file = JSON.stringify({ format: 'hookbench-rules', version: 1, rules: [imported] });
  await page
    .getByTestId('import-file-input')
    .setInputFiles({ name: 'eighth.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await page.getByTestId('import-append').click();
  await expect(rows).toHaveCount(4);
  await rows.nth(3).getByTestId('rule-select').click();
  await expect(editor.getByTestId('rule-name-input')).toHaveValue('One in eight');
  await expect(percentage).toHaveValue('12.5');
  await expect(percentage).not.toHaveAttribute('aria-invalid', 'true');
  await expect(percentage).toHaveAccessibleDescription('From 0 to 100; decimals allowed, such as 12.5.');

  // Not a number at all: the words say what is allowed, not only the range.
  await percentage.fill('12,5');
  await expect(percentage).toHaveAttribute('aria-invalid', 'true');
  await editor.getByTestId('save-rule').click();
  await expect(editor.getByTestId('field-problem')).toHaveText(
    'Percentage must be a number from 0 to 100, decimals allowed.',
  );

  // Typed, a decimal saves, and is what the rule holds after a reload.
  await percentage.fill('37.5');
  await expect(percentage).not.toHaveAttribute('aria-invalid', 'true');
  await expect(editor.getByTestId('field-problem')).toHaveCount(0);
  await editor.getByTestId('save-rule').click();
  await expect(editor.getByTestId('rule-dirty')).toHaveText('');
  await expect(page.getByTestId('rule-error')).toHaveCount(0);
  await page.reload();
  await page.getByTestId('nav-responders').click();
  await rows.nth(3).getByTestId('rule-select').click();
  await expect(editor.getByTestId('rule-name-input')).toHaveValue('One in eight');
  await expect(percentage).toHaveValue('37.5');
  await expect(percentage).not.toHaveAttribute('aria-invalid', 'true');

  // A response's weight is any number of at least 0 as well.
  await page.getByTestId('add-rule').click();
  await page.getByTestId('preset-plain').click();
  await expect(editor.getByTestId('rule-name-input')).toHaveValue('Plain response');
  await editor.getByTestId('responses-mode-select').selectOption('weighted');
  const weight = editor.getByLabel('Weight');
  await weight.fill('0.5');
  await expect(weight).not.toHaveAttribute('aria-invalid', 'true');
  await editor.getByTestId('save-rule').click();
  await expect(editor.getByTestId('rule-dirty')).toHaveText('');
  await expect(page.getByTestId('rule-error')).toHaveCount(0);
});
