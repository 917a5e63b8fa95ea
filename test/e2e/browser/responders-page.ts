import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** Replaces the whole text of a CodeMirror editor the way a user would: select all, then type. */
export async function setEditorText(page: Page, editor: Locator, text: string): Promise<void> {
  await editor.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(text);
  await expect(editor.locator('.cm-content')).toHaveText(text);
}

/** Opens the UI on the Responders screen, once its rules are listed. */
export async function openResponders(page: Page, uiUrl: string): Promise<void> {
  await page.goto(uiUrl);
  await page.getByTestId('nav-responders').click();
  await expect(page.getByTestId('rule-row').first()).toBeVisible();
}
