/** Hands a file to the browser's downloads through a temporary <a download> and a blob: URL. */
export function downloadFile(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started reading the blob by then; a minute is generous for slow disks.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
