// Writes text to the clipboard without putting it in the page (used for secrets too: the stream-key
// copy flow). The Clipboard API needs a secure context (https or localhost); behind plain http on a
// LAN, fall back to a detached, off-screen textarea and execCommand.
export async function writeClipboard(value: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(value);
  const area = document.createElement('textarea');
  area.value = value;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('copy failed');
}
