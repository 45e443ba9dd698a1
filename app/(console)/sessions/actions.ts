'use server';

import { z } from 'zod';
import { defineAction } from '@/lib/auth/action';
import { memoForgetSession } from '@/lib/auth/session-memo';
import { endSession, endUserSessions } from '@/lib/auth/sessions';
import { store } from '@/lib/store';

// Admins end other people's sessions here. Both are safe to run twice: a session already ended stays
// ended and the answer says nothing more was ended. Sessions this process remembers are forgotten at
// once; other instances sharing the store refuse them within 30 s (lib/auth/session-memo.ts).

const endSessionSchema = z.object({ sessionId: z.uuid({ message: 'Not a session id.' }) });
const endUserSessionsSchema = z.object({ email: z.string().trim().min(1, { message: 'Give the user’s email.' }).max(320) });

export const endSessionAction = defineAction({
  name: 'session.end',
  role: 'admin',
  input: endSessionSchema,
  resource: (input) => `console-session/${input.sessionId}`,
  run: async ({ input, user }) => {
    const ended = await endSession(await store(), input.sessionId, `ended by ${user.email}`);
    memoForgetSession(input.sessionId);
    return { ended };
  },
});

export const endUserSessionsAction = defineAction({
  name: 'session.end-all-for-user',
  role: 'admin',
  input: endUserSessionsSchema,
  resource: (input) => `console-user/${input.email.toLowerCase()}`,
  run: async ({ input, user }) => {
    const ids = await endUserSessions(await store(), input.email, `signed out everywhere by ${user.email}`);
    for (const id of ids) memoForgetSession(id);
    return { ended: ids.length };
  },
});
