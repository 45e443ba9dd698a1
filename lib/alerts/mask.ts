// Client-safe. A webhook URL is a secret (a Slack incoming-webhook URL is its own credential): the
// console shows only its host, "hooks.slack.com/…", in pages, logs and audit records.
export function maskUrl(url: string): string {
  try {
    return `${new URL(url).host}/…`;
  } catch {
    return '…';
  }
}
