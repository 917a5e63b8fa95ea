import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** The level name from the platform documentation's warning: a quote inside a text value. */
const ESCAPED_LEVEL = 'My level with \\" inside';

async function openComposer(page: Page, uiUrl: string): Promise<void> {
  await page.goto(uiUrl);
  await page.getByTestId('nav-composer').click();
  await expect(page.getByTestId('composer-view')).toBeVisible();
  // A new workspace starts with the documented examples.
  await expect(page.getByTestId('composer-request')).toHaveCount(3);
}

test('a WebHook template breaks in raw mode, is escaped in JSON-safe mode, and is sent to the receiver', async ({
  app,
  page,
}) => {
  await openComposer(page, app.uiUrl);

  // New request from the WebHook preset: the documented mini-game body and its data set.
  await page.getByTestId('composer-new').click();
  await page.getByTestId('composer-preset-0').click();
  await expect(page.getByTestId('composer-name')).toHaveValue('WebHook: mini-game spin issued');
  await expect(page.getByTestId('composer-dirty')).toHaveText('Not saved yet');
  const body = page.getByTestId('composer-body-editor');
  await expect(body.locator('.cm-content')).toContainText('"saw_template_id": "{{event.saw_template_id}}"');
  const preview = page.getByTestId('composer-preview');
  await expect(preview.getByTestId('preview-body-text')).toContainText('"smartico_user_id": "4512873"');

  // The level-upgraded data set holds a level name with a quote; the template gets a field for it.
  const select = page.getByTestId('composer-dataset-select');
  await select.selectOption({ label: 'Level upgraded (quote in the name)' });
  await body.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('"level": "{{state.level_name}}",');
  await expect(body.locator('.cm-content')).toContainText('"level": "{{state.level_name}}",');
  // JSON-safe (the default) escapes the quote, so the body stays valid.
  await expect(preview.getByTestId('preview-body-text')).toContainText(`"level": "${ESCAPED_LEVEL}"`);
  await expect(preview.getByTestId('preview-verdict')).toHaveText('Valid JSON');

  // Platform-compatible (raw) mode inserts the value as it is: the quote breaks the JSON.
  await page.getByTestId('composer-mode').getByText('Platform-compatible (raw)').click();
  await expect(page.getByTestId('composer-mode')).toHaveAttribute('data-value', 'raw');
  const quoteBreak = preview
    .getByTestId('lint-item')
    .filter({ hasText: 'state.level_name' })
    .filter({ hasText: 'contains a quote' });
  await expect(quoteBreak).toHaveAttribute('data-severity', 'error');
  await expect(quoteBreak).toHaveAttribute('data-rule', 'raw-mode-break');
  const jsonError = preview.getByTestId('preview-json-error');
  await expect(jsonError).toContainText('line 2, column 13 in the template (state.level_name)');
  await expect(preview.getByTestId('preview-body-text')).toContainText('"level": "My level with " inside"');
  // The place is underlined in the template too.
  await expect(body.locator('.cm-lintRange-error').first()).toBeVisible();
  // The documentation's advice on numerics shows up as lint as well.
  await expect(
    preview.getByTestId('lint-item').filter({ hasText: 'state.user_id is a number' }),
  ).toBeVisible();
  await quoteBreak.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('composer.png') });

  // Back to JSON-safe: valid again, the quote escaped.
  await page.getByTestId('composer-mode').getByText('JSON-safe').click();
  await expect(page.getByTestId('composer-mode')).toHaveAttribute('data-value', 'json-safe');
  await expect(jsonError).toHaveCount(0);
  await expect(preview.getByTestId('preview-verdict')).toHaveText('Valid JSON');
  await expect(preview.getByTestId('preview-body-text')).toContainText(`"level": "${ESCAPED_LEVEL}"`);
  // In JSON-safe mode the raw-mode break is a warning about the platform, not an error.
  await expect(quoteBreak).toHaveAttribute('data-severity', 'warning');

  // Check every data set: the quote only breaks the raw rendering of the level-upgraded one.
  await preview.getByTestId('check-datasets').click();
  const levelCheck = preview.getByTestId('dataset-check-row').filter({ hasText: 'Level upgraded' });
  await expect(levelCheck).toContainText('valid');
  await expect(levelCheck).toContainText('broken');

  // Send to Hookbench's own receiver.
  const target = `${app.receiverUrl.replace(/\/$/, '')}/composer/test`;
  await page.getByTestId('composer-url').fill(target);
  await expect(preview.getByTestId('preview-url')).toHaveText(target);
  const send = page.getByTestId('composer-send');
  await expect(send).toBeEnabled();
  await send.click();
  const response = page.getByTestId('composer-response');
  await expect(response.getByTestId('composer-response-status')).toHaveText('200');
  await expect(response.getByTestId('composer-timings')).toContainText('Total');
  await expect(page.getByTestId('composer-send-error')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('composer-sent.png') });

  // The send is in the history.
  await page.getByRole('tab', { name: /History/ }).click();
  await expect(page.getByTestId('history-row')).toHaveCount(1);
  await expect(page.getByTestId('history-row').getByTestId('history-status')).toHaveText('200');

  // And it arrived at the receiver, the quote escaped.
  await page.getByTestId('nav-captures').click();
  const row = page.getByTestId('capture-row').filter({ hasText: '/composer/test' });
  await expect(row).toHaveCount(1);
  await row.click();
  await expect(page.getByTestId('capture-detail').getByTestId('body-view')).toContainText(ESCAPED_LEVEL);
});

test('a bad URL keeps Send off with the reason, and bad data JSON is placed by line and column', async ({
  app,
  page,
}) => {
  await openComposer(page, app.uiUrl);
  await page.getByTestId('composer-url').fill('not a url');
  await expect(page.getByTestId('composer-send')).toBeDisabled();
  await expect(page.getByTestId('composer-send-reason')).toContainText('is not a full URL');

  const state = page.getByTestId('dataset-state-editor');
  await state.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText('{\n  "user_ext_id": "1",\n}');
  await expect(page.getByTestId('dataset-dirty')).not.toHaveText('');
  await expect(page.getByTestId('dataset-state-problems')).toContainText(/line 3, column 1: \S/);
  await expect(page.getByTestId('composer-send-reason')).toContainText(
    'The state is not valid JSON: line 3, column 1',
  );
  await page.getByTestId('dataset-save').click();
  await expect(page.getByTestId('dataset-save-error')).toContainText(
    'The state is not valid JSON: line 3, column 1',
  );
  // A template that does not compile: the preview says so, not that the content type is not JSON.
  await state.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText('{}');
  const body = page.getByTestId('composer-body-editor');
  await body.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText('{"a": "{{state.x}"}');
  const preview = page.getByTestId('composer-preview');
  await expect(preview.getByTestId('preview-verdict')).toContainText(
    'Not rendered: the body template has a syntax error at line 1',
  );
  await expect(preview.getByTestId('lint-empty')).toHaveText(
    'Not linted until the body template’s syntax error is fixed.',
  );
});

test('a collection is exported as a file and imported back with fresh ids', async ({ app, page }) => {
  await openComposer(page, app.uiUrl);
  const download = page.waitForEvent('download');
  await page.getByTestId('collection-export').first().click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('hookbench-examples.json');
  await page.getByTestId('composer-import-input').setInputFiles(await file.path());
  await expect(page.getByRole('status')).toContainText('Imported 3 requests');
  await expect(page.getByTestId('composer-request')).toHaveCount(6);
});

test('unsaved data asks before another data set replaces it, and a 20-digit id keeps every digit', async ({
  app,
  page,
}) => {
  const big = '12345678901234567890';
  await openComposer(page, app.uiUrl);
  const state = page.getByTestId('dataset-state-editor');
  await state.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(`{ "user_id": ${big}, "user_ext_id": "1" }`);
  await expect(page.getByTestId('dataset-dirty')).not.toHaveText('');
  const preview = page.getByTestId('composer-preview');
  await expect(preview.getByTestId('preview-body-text')).toContainText(`"smartico_user_id": "${big}"`);

  // Another data set would replace the edits: asked first, and Cancel keeps them.
  const rows = page.getByTestId('dataset-select');
  await rows.nth(1).click();
  const dialog = page.getByRole('dialog', { name: 'Discard unsaved changes?' });
  await expect(dialog).toContainText('are not saved');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(state.locator('.cm-content')).toContainText(big);

  // Saved, and read back after a reload: the digits went to the core and back as they were.
  await page.getByTestId('dataset-save').click();
  await expect(page.getByTestId('dataset-dirty')).toHaveText('');
  await page.reload();
  await page.getByTestId('nav-composer').click();
  await expect(page.getByTestId('dataset-state-editor').locator('.cm-content')).toContainText(big);
  await expect(preview.getByTestId('preview-body-text')).toContainText(`"smartico_user_id": "${big}"`);

  // A new data set would replace the edits too: asked first.
  await state.locator('.cm-content').click();
  await page.keyboard.insertText(' ');
  await page.getByTestId('dataset-new').click();
  await page.getByTestId('dataset-preset-blank').click();
  await expect(dialog).toContainText('are not saved');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(state.locator('.cm-content')).toContainText(big);

  // Discarding is a choice: confirmed, the other data set is in the editor.
  await expect(page.getByTestId('dataset-dirty')).not.toHaveText('');
  await rows.nth(1).click();
  await dialog.getByTestId('composer-confirm-discard').click();
  await expect(state.locator('.cm-content')).not.toContainText(big);
});

test('Ctrl+S saves the request in the editor, as in the Responders editor', async ({ app, page }) => {
  await openComposer(page, app.uiUrl);
  await page.getByTestId('composer-name').fill('Renamed by keyboard');
  await expect(page.getByTestId('composer-dirty')).toHaveText('Unsaved changes');
  await page.getByTestId('composer-name').press('Control+s');
  await expect(page.getByTestId('composer-dirty')).toHaveText('');
  await expect(page.getByTestId('composer-request').filter({ hasText: 'Renamed by keyboard' })).toHaveCount(
    1,
  );
});

test('a timeout that is not one is kept as typed, said at the field, and stops Send and Save', async ({
  app,
  page,
}) => {
  await openComposer(page, app.uiUrl);
  const timeout = page.getByTestId('composer-timeout');
  const words = 'The timeout must be a whole number of milliseconds from 1 to 600,000.';
  for (const typed of ['10s', '0', '']) {
    await timeout.fill(typed);
    await expect(timeout).toHaveValue(typed);
    await expect(timeout).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('composer-timeout-error')).toHaveText(words);
    await expect(page.getByTestId('composer-send')).toBeDisabled();
    await expect(page.getByTestId('composer-send-reason')).toHaveText(`Can’t send: ${words}`);
    await expect(page.getByTestId('composer-save')).toBeDisabled();
    await expect(page.getByTestId('composer-dirty')).toHaveText('Unsaved changes');
  }
  // Ctrl+S says why instead of saving the default.
  await timeout.press('Control+s');
  await expect(page.getByTestId('composer-save-error')).toHaveText(words);

  await timeout.fill('2500');
  await expect(page.getByTestId('composer-timeout-error')).toHaveCount(0);
  await expect(page.getByTestId('composer-send')).toBeEnabled();
  await page.getByTestId('composer-save').click();
  await expect(page.getByTestId('composer-dirty')).toHaveText('');
  await page.reload();
  await page.getByTestId('nav-composer').click();
  await expect(page.getByTestId('composer-timeout')).toHaveValue('2500');
});
