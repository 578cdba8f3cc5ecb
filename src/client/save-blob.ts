/**
 * Saves bytes made in the page as a download: a blob: URL on a temporary <a download>. Needs no
 * CSP source (blob: is only navigated to, never fetched as a script, style or image) and makes no
 * request.
 */

/** Starts the download of `blob` under the file name `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later, not at once: the download may still be reading the blob.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
