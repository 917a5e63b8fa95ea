/**
 * Copies text to the clipboard. The async Clipboard API needs a focused,
 * secure page and may be refused by permissions; the selection-based fallback
 * covers those cases.
 */
export async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return;
    } catch {
      // Fall through to the legacy path.
    }
  }
  if (!copyWithSelection(text)) throw new Error('copy failed');
}

function copyWithSelection(text: string): boolean {
  const scratch = document.createElement('textarea');
  scratch.value = text;
  scratch.setAttribute('readonly', '');
  scratch.className = 'clipboard-scratch';
  const previousFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  document.body.append(scratch);
  scratch.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  scratch.remove();
  previousFocus?.focus();
  return copied;
}
