// Runs: anywhere (core, renderer). Back-office operations: interactions (search, keyset pages,
// CSV export, intent corrections), the knowledge-base editor, store settings, staff accounts,
// model versions with rollback, and the audit log. Access levels are the least role allowed;
// the dispatcher enforces them before the input is even parsed.
import { z } from 'zod';
import { op, roles } from './define.ts';
import { Locale } from './app.ts';
import { PrinterUrl } from './printing.ts';
import { ReturnPolicy } from './pos.ts';

const Id = z.string().min(1).max(200);
const Iso = z.iso.datetime({ offset: true });
const Hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time must be HH:MM (24 h)');
const IntentName = z.string().regex(/^[a-z][a-z0-9_.]{0,79}$/, 'intent must be lower-case letters, digits, _ or .');

/** Search filters shared by the list and the export. All optional; they combine with AND. */
export const InteractionFilter = z
  .object({
    q: z.string().max(200).optional(),
    intent: z.string().max(80).optional(),
    from: Iso.optional(),
    to: Iso.optional(),
    handoff: z.boolean().optional(),
    feedback: z.enum(['up', 'down', 'none', 'any']).optional(),
    corrected: z.boolean().optional(),
  })
  .strict();
export type InteractionFilterInput = z.infer<typeof InteractionFilter>;

export const InteractionView = z.object({
  id: z.string(),
  ts: z.string(),
  terminalId: z.string(),
  text: z.string(),
  intent: z.string(),
  correctedIntent: z.string().nullable(),
  confidence: z.number(),
  answerText: z.string(),
  handoff: z.boolean(),
  feedback: z.number().int().nullable(),
  modelVersion: z.string(),
  latencyMs: z.number(),
});
export type InteractionViewRow = z.infer<typeof InteractionView>;

export const KbKind = z.enum(['policy', 'service', 'facility', 'payment', 'loyalty', 'delivery', 'promotion', 'faq']);
export const KbEntryFull = z.object({ id: z.string(), kind: KbKind, title: z.string(), body: z.string(), keywords: z.string(), updatedAt: z.string() });
const DayHours = z
  .object({ weekday: z.number().int().min(0).max(6), opens: Hhmm.nullable(), closes: Hhmm.nullable() })
  .strict()
  .refine((d) => (d.opens === null) === (d.closes === null), 'a day is either closed (both empty) or has both times')
  .refine((d) => d.opens === null || d.closes === null || d.opens < d.closes, 'closing time must be after opening time');
const HolidayInput = z
  .object({
    date: z.iso.date(),
    opens: Hhmm.nullable(),
    closes: Hhmm.nullable(),
    note: z.string().trim().min(1).max(120),
  })
  .strict()
  .refine((d) => (d.opens === null) === (d.closes === null), 'a holiday is either closed (both empty) or has both times')
  .refine((d) => d.opens === null || d.closes === null || d.opens < d.closes, 'closing time must be after opening time');

export const AdminSettings = z.object({
  locale: Locale,
  idleResetSeconds: z.number().int().min(15).max(3600),
  sessionIdleMinutes: z.number().int().min(1).max(240),
  interactionRetentionDays: z.number().int().min(1).max(3650),
  modelVariant: z.enum(['auto', 'int8', 'fp32']),
  modelThreads: z.number().int().min(0).max(64),
  printerUrl: PrinterUrl,
  printerColumns: z.number().int().min(24).max(64),
  printerStatusCheck: z.boolean(),
  receiptFooter: z.string().max(300),
  taxIncludedBp: z.number().int().min(0).max(5000),
  returnPolicy: ReturnPolicy,
});

export const StaffView = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(roles),
  active: z.boolean(),
  createdAt: z.string(),
  locked: z.boolean(),
});

const StaffName = z.string().trim().min(1).max(80);
const Pin = z.string().regex(/^\d{4,8}$/, 'PIN must be 4 to 8 digits');

export const ModelRow = z.object({
  name: z.string(),
  version: z.string(),
  kind: z.string(),
  status: z.enum(['active', 'standby', 'failed']),
  installedAt: z.string(),
  activatedAt: z.string().nullable(),
});

export const AuditRow = z.object({ seq: z.number().int(), ts: z.string(), actor: z.string(), actorName: z.string().nullable(), action: z.string(), target: z.string(), targetName: z.string().nullable(), details: z.string() });

export const adminOps = {
  'admin.interactions.list': op({
    summary: 'One page of kiosk interactions, newest first, filtered; pass nextCursor back for the next page.',
    access: 'supervisor',
    input: z
      .object({
        filter: InteractionFilter.optional(),
        limit: z.number().int().min(1).max(200).optional(),
        cursor: z.string().max(300).optional(),
      })
      .strict(),
    output: z.object({ items: z.array(InteractionView), nextCursor: z.string().nullable() }),
  }),
  'admin.interactions.intents': op({
    summary: 'The intents seen so far (for the filter and the correction menu).',
    access: 'supervisor',
    input: z.object({}).strict(),
    output: z.object({ intents: z.array(z.string()) }),
  }),
  'admin.interactions.correct': op({
    summary: 'Label an interaction with the right intent; queues a training example for sync (audited).',
    access: 'supervisor',
    input: z.object({ id: Id, intent: IntentName }).strict(),
    output: InteractionView,
  }),
  'admin.interactions.export': op({
    summary: 'CSV of the filtered interactions (redacted text only; audited as a data export).',
    access: 'manager',
    input: z.object({ filter: InteractionFilter.optional(), limit: z.number().int().min(1).max(50_000).optional() }).strict(),
    output: z.object({ csv: z.string(), rows: z.number().int(), truncated: z.boolean() }),
  }),
  'admin.kb.get': op({
    summary: 'The knowledge base, opening hours and holiday exceptions as the editor shows them.',
    access: 'manager',
    input: z.object({}).strict(),
    output: z.object({
      entries: z.array(KbEntryFull),
      hours: z.array(z.object({ weekday: z.number().int(), opens: z.string().nullable(), closes: z.string().nullable() })),
      holidays: z.array(z.object({ date: z.string(), opens: z.string().nullable(), closes: z.string().nullable(), note: z.string() })),
    }),
  }),
  'admin.kb.save': op({
    summary: 'Create or update one knowledge-base entry (audited).',
    access: 'manager',
    input: z
      .object({
        id: z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/, 'id must look like policy.returns').max(80),
        kind: KbKind,
        title: z.string().trim().min(1).max(200),
        body: z.string().trim().min(1).max(4000),
        keywords: z.string().max(500).optional(),
      })
      .strict(),
    output: KbEntryFull,
  }),
  'admin.kb.delete': op({
    summary: 'Remove one knowledge-base entry (audited).',
    access: 'manager',
    input: z.object({ id: Id }).strict(),
    output: z.object({ ok: z.literal(true) }),
  }),
  'admin.hours.save': op({
    summary: 'Replace the weekly opening hours (all seven days; audited).',
    access: 'manager',
    input: z
      .object({ hours: z.array(DayHours).length(7) })
      .strict()
      .refine((v) => new Set(v.hours.map((d) => d.weekday)).size === 7, 'each weekday 0–6 exactly once'),
    output: z.object({ ok: z.literal(true) }),
  }),
  'admin.holidays.save': op({
    summary: 'Add or change one holiday exception (audited).',
    access: 'manager',
    input: HolidayInput,
    output: z.object({ ok: z.literal(true) }),
  }),
  'admin.holidays.delete': op({
    summary: 'Remove one holiday exception (audited).',
    access: 'manager',
    input: z.object({ date: z.iso.date() }).strict(),
    output: z.object({ ok: z.literal(true) }),
  }),
  'admin.settings.get': op({
    summary: 'This terminal\'s store settings.',
    access: 'admin',
    input: z.object({}).strict(),
    output: AdminSettings,
  }),
  'admin.settings.save': op({
    summary: 'Change store settings (any subset; audited with old and new values).',
    access: 'admin',
    input: AdminSettings.partial().strict(),
    output: z.object({ settings: AdminSettings, restartRequired: z.boolean() }),
  }),
  'admin.users.list': op({
    summary: 'Staff accounts on this terminal.',
    access: 'admin',
    input: z.object({}).strict(),
    output: z.object({ users: z.array(StaffView) }),
  }),
  'admin.users.add': op({
    summary: 'Add a staff account with a role and PIN (audited).',
    access: 'admin',
    input: z.object({ name: StaffName, role: z.enum(roles), pin: Pin }).strict(),
    output: StaffView,
  }),
  'admin.users.deactivate': op({
    summary: 'Deactivate an account and end its sessions (audited). Not yourself, not the last admin.',
    access: 'admin',
    input: z.object({ id: Id }).strict(),
    output: StaffView,
  }),
  'admin.users.resetPin': op({
    summary: 'Set a new PIN for an account, clear its lockout and (re)activate it (audited; the PIN is never logged).',
    access: 'admin',
    input: z.object({ id: Id, pin: Pin }).strict(),
    output: StaffView,
  }),
  'admin.models.list': op({
    summary: 'Installed model versions and the ones running now (the encoder, the fraud model).',
    access: 'manager',
    input: z.object({}).strict(),
    output: z.object({
      installed: z.array(ModelRow),
      loaded: z.array(z.object({ name: z.string(), version: z.string(), variant: z.string() })),
      loadError: z.string().nullable(),
    }),
  }),
  'admin.models.rollback': op({
    summary: 'Make an earlier installed version the active one (audited); it loads on the next start.',
    access: 'manager',
    input: z.object({ name: Id, version: Id }).strict(),
    output: z.object({ installed: z.array(ModelRow), restartRequired: z.literal(true) }),
  }),
  'admin.signInLocks.list': op({
    summary: "This terminal's sign-in paths locked by wrong PINs, and until when.",
    access: 'manager',
    input: z.object({}).strict(),
    output: z.object({ locks: z.array(z.object({ scope: z.string(), failures: z.number().int(), lockedUntil: z.string() })) }),
  }),
  'admin.signInLocks.clear': op({
    summary: 'Let staff sign in again on a locked path (audited; the wrong PINs stay in the audit log).',
    access: 'manager',
    input: z.object({ scope: z.string().regex(/^(pin:(kiosk|pos|admin)|approve)$/, 'a sign-in path: pin:kiosk, pin:pos, pin:admin or approve') }).strict(),
    output: z.object({ cleared: z.boolean() }),
  }),
  'admin.audit.list': op({
    summary: 'Audit log entries, newest first (keyset by seq), and whether the chain verifies.',
    access: 'manager',
    input: z.object({ before: z.number().int().min(1).optional(), limit: z.number().int().min(1).max(200).optional() }).strict(),
    output: z.object({
      entries: z.array(AuditRow),
      nextBefore: z.number().int().nullable(),
      chain: z.object({ ok: z.boolean(), entries: z.number().int(), firstBadSeq: z.number().int().nullable(), reason: z.string().nullable() }),
    }),
  }),
  'admin.retention.run': op({
    summary: 'Purge synced interactions older than the retention setting now (also runs daily; audited).',
    access: 'admin',
    input: z.object({}).strict(),
    output: z.object({ deleted: z.number().int(), cutoff: z.string() }),
  }),
};
