/**
 * Saves data as a file through the browser's download (a Blob and an <a download>):
 * the same code works in the Electron window and in a browser on the headless host.
 */
export function downloadFile(fileName: string, data: BlobPart, type = 'application/octet-stream'): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click starts the download synchronously; the object URL is not needed after it, but
  // revoking at once can cancel it in some engines, so give it a moment.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name without path separators or characters that file systems refuse. */
export function safeFileName(name: string, fallback: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  let cleaned = '';
  for (const ch of base) cleaned += ch.charCodeAt(0) < 0x20 || '<>:"|?*'.includes(ch) ? '_' : ch;
  cleaned = cleaned.trim();
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? fallback : cleaned;
}
