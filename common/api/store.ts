// Runs: anywhere. The store's own data as the kiosk shows it: profile, hours, knowledge base.
import { z } from 'zod';
import { op } from './define.ts';

export const HoursDay = z.object({ weekday: z.number().int().min(0).max(6), opens: z.string().nullable(), closes: z.string().nullable() });
export const Holiday = z.object({ date: z.string(), opens: z.string().nullable(), closes: z.string().nullable(), note: z.string() });
export const KbEntry = z.object({ id: z.string(), kind: z.string(), title: z.string(), body: z.string() });

export const storeOps = {
  'store.profile': op({
    summary: 'Store name, address, hours with holiday exceptions, and the knowledge base.',
    access: 'public',
    input: z.object({}).strict(),
    output: z.object({
      storeId: z.string(),
      name: z.string(),
      address: z.string(),
      phone: z.string().nullable(),
      timezone: z.string(),
      currency: z.string(),
      hours: z.array(HoursDay),
      holidays: z.array(Holiday),
      kb: z.array(KbEntry),
    }),
  }),
};
