// Client-safe: the secret fields recognise the refusal by its code and offer a fresh sign-in.

/** The code of an action refused because the sign-in is too old for it (a secret reveal). */
export const SIGN_IN_AGAIN = 'SignInAgain';

/** True when a sign-in at signedInAt (epoch ms) is at most maxAgeMinutes old. */
export function signedInWithin(signedInAt: number, maxAgeMinutes: number, now = Date.now()): boolean {
  return Number.isFinite(signedInAt) && now - signedInAt <= maxAgeMinutes * 60_000;
}

export function signInAgainMessage(maxAgeMinutes: number): string {
  const age = maxAgeMinutes % 60 === 0 ? `${maxAgeMinutes / 60} h` : `${maxAgeMinutes} min`;
  return `Secrets are only shown to a sign-in from the last ${age}, and yours is older. Sign in again, then reveal it.`;
}
