/**
 * Saves text as a file through the browser's download (a Blob and an <a download>), so the
 * same code works in the Electron window and in a browser on the headless host.
 */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click starts the download synchronously, but revoking at once can cancel it in some engines.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
