import { CredentialsSignin } from 'next-auth';

/**
 * A demo sign-in refused before its password is looked at (lib/auth/sign-in-limiter.ts). `code`
 * reaches the login page, and Auth.js puts it in a URL, so it says nothing more.
 */
export class TooManySignIns extends CredentialsSignin {
  code = 'too_many_attempts';
}
