// Checks on a server-action POST that proxy.ts makes before Next sees it, so a cross-origin call, an
// oversized body or one that is not an action's encoding is answered 403, 413 or 400. Next makes the
// origin and size checks itself but answers a failed one, or a body it cannot decode, with a 500
// (its own "Invalid Server Actions request"), which reads as a console fault and hides the refusal.

/** Next's default serverActions.bodySizeLimit, which next.config.js leaves as it is. */
export const ACTION_BODY_LIMIT = 1024 * 1024;

export interface Refusal {
  status: 400 | 403 | 413;
  message: string;
}

export interface ActionOriginPolicy {
  /** SERVER_ACTIONS_ALLOWED_ORIGINS: hosts (wildcards as Next allows: *.example.com) that may post. */
  allowedOrigins: string[];
  /** TRUST_FORWARDED_HOST: a proxy in front sets X-Forwarded-Host and drops any the client sent. */
  trustForwardedHost: boolean;
}

// Next's rule (csrf-protection.ts): `*` stands for one DNS label, `**` for one or more.
function hostAllowed(host: string, patterns: string[]): boolean {
  const label = (l: string) => (l === '**' ? '[^.]+(?:\\.[^.]+)*' : l === '*' ? '[^.]+' : l.replace(/[^a-z0-9:-]/g, '\\$&'));
  return patterns.some((p) => new RegExp(`^${p.toLowerCase().split('.').map(label).join('\\.')}$`).test(host.toLowerCase()));
}

/** The host an action request was addressed to: X-Forwarded-Host only when a proxy in front is trusted to set it. */
export function actionHost(headers: Headers, trustForwardedHost: boolean): string | null {
  const forwarded = trustForwardedHost ? headers.get('x-forwarded-host')?.split(',')[0]?.trim() : undefined;
  return forwarded || headers.get('host');
}

/** Why a server-action POST from this origin is refused, or null. No Origin is let through as Next does (no browser omits it). */
export function actionOriginRefusal(headers: Headers, policy: ActionOriginPolicy): Refusal | null {
  const origin = headers.get('origin');
  if (!origin) return null;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return { status: 400, message: 'The Origin header is not a URL.' };
  }
  const host = actionHost(headers, policy.trustForwardedHost);
  if (originHost === host || hostAllowed(originHost, policy.allowedOrigins)) return null;
  return { status: 403, message: "Server actions are accepted only from the console's own pages." };
}

/** Reads at most `limit` bytes of the body; null when it is longer. */
async function readUpTo(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array | null> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Not awaited: a cancelled branch of a tee'd (cloned) body settles only once the other is too.
      reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * Why this action body is refused (over the limit, or not what a browser's action call sends: a JSON
 * argument list as text, or multipart form data), or null. Reads a clone; the request stays readable.
 */
export async function actionBodyRefusal(request: Request, limit = ACTION_BODY_LIMIT): Promise<Refusal | null> {
  const tooLarge: Refusal = { status: 413, message: `The request body is larger than ${limit / 1024 / 1024} MB.` };
  if (Number(request.headers.get('content-length') ?? 0) > limit) return tooLarge;
  const bytes = await readUpTo(request.clone().body, limit);
  if (!bytes) return tooLarge;
  const type = request.headers.get('content-type') ?? '';
  const malformed: Refusal = { status: 400, message: 'The request body is not a server action call.' };
  if (type.startsWith('multipart/form-data')) {
    try {
      await new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]), { headers: { 'content-type': type } }).formData();
      return null;
    } catch {
      return malformed;
    }
  }
  if (type.startsWith('application/x-www-form-urlencoded')) return null;
  try {
    JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return null;
  } catch {
    return malformed;
  }
}
