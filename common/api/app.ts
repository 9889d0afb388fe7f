// Runs: anywhere. App-level operations: what the app is, who is signed in, settings.
import { z } from 'zod';
import { op, roles } from './define.ts';
import { ReturnPolicy } from './pos.ts';

export const Surface = z.enum(['kiosk', 'pos', 'admin']);
export const Locale = z.enum(['en', 'zh-CN']);

export const UserView = z.object({ id: z.string(), name: z.string(), role: z.enum(roles) });

export const appOps = {
  'app.info': op({
    summary: 'What this terminal is: store name, surface, locale, versions.',
    access: 'public',
    input: z.object({}).strict(),
    output: z.object({
      appVersion: z.string(),
      storeName: z.string(),
      terminalId: z.string(),
      surface: Surface,
      locale: Locale,
      idleResetSeconds: z.number(),
      schemaVersion: z.number(),
      models: z.array(z.object({ name: z.string(), version: z.string(), variant: z.string() })),
      /** The store's return policy, which the till enforces and the kiosk states. */
      returnPolicy: ReturnPolicy,
    }),
  }),
  'auth.signIn': op({
    summary: 'Sign in with a staff PIN; returns a session token for later calls.',
    access: 'public',
    input: z.object({ pin: z.string().regex(/^\d{4,8}$/, 'PIN must be 4 to 8 digits'), surface: Surface }).strict(),
    output: z.object({ token: z.string(), user: UserView, expiresAt: z.string() }),
  }),
  'auth.signOut': op({
    summary: 'End the current session.',
    access: 'public',
    input: z.object({}).strict(),
    output: z.object({ ok: z.literal(true) }),
  }),
  'auth.whoami': op({
    summary: 'The signed-in user, or null.',
    access: 'public',
    input: z.object({}).strict(),
    output: z.object({ user: UserView.nullable() }),
  }),
  'settings.setLocale': op({
    summary: 'Switch the UI language on this terminal (kiosk shoppers may do this).',
    access: 'public',
    input: z.object({ locale: Locale }).strict(),
    output: z.object({ locale: Locale }),
  }),
};
