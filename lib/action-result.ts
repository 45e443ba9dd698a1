// The one shape every server action returns; safe for client components.
export type FieldErrors = Record<string, string[] | undefined>;

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; code?: string; fieldErrors?: FieldErrors };
