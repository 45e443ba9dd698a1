'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { describedBy, Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';

export interface LoginState {
  error?: string;
  username?: string;
}

/** The demo sign-in form (local mode). On a wrong password the username stays and the error is announced. */
export function LoginForm({
  action,
  callbackUrl,
}: {
  action: (state: LoginState, form: FormData) => Promise<LoginState>;
  callbackUrl: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field id="username" label="Username">
        <Input
          id="username"
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          defaultValue={state.username}
          key={state.username ?? ''}
          invalid={Boolean(state.error)}
          aria-describedby={describedBy('login', state.error)}
          autoFocus
        />
      </Field>
      <Field id="password" label="Password">
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          invalid={Boolean(state.error)}
          aria-describedby={describedBy('login', state.error)}
        />
      </Field>
      {state.error && (
        <p id="login-error" role="alert" className="text-sm text-red-700 dark:text-red-400">
          {state.error}
        </p>
      )}
      <Button type="submit" className="w-full" pending={pending}>
        Sign in
      </Button>
    </form>
  );
}
