/** Offers `blob` to the user as a file named `fileName` (an object URL on a temporary link, released afterwards). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Some browsers read the URL after click() returns; give them a moment before revoking it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
