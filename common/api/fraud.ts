// Runs: anywhere. Fraud review and rules, plus the line format `storemind fraud score --batch`
// reads (snake_case, money in currency units, as a payment or POS export would carry it).
import { z } from 'zod';
import { op } from './define.ts';
import { ActionSchema, EntryModeSchema, ReasonView, TenderMethodSchema, TxnStatusSchema, TxnTypeSchema } from './pos.ts';

const Money = z.number().min(0, 'must not be negative').max(100_000, 'is absurdly large (over 100000)');

export const ScoreItemInput = z
  .object({
    sku: z.string().min(1).max(64),
    qty: z.number().positive('must be more than 0').max(1000, 'is absurdly large (over 1000)'),
    unit_price: Money,
    override_price: Money.nullable().default(null),
    discount: Money.default(0),
  })
  .strict();

/** One line of `storemind fraud score --batch` input. */
export const ScoreTxnInput = z
  .object({
    id: z.string().min(1).max(64).regex(/^[A-Za-z0-9_:.-]+$/, 'id: letters, digits, _ : . -'),
    ts: z.iso.datetime({ offset: true, message: 'ts must be an ISO-8601 date-time' }),
    terminal_id: z.string().min(1).max(64),
    cashier_id: z.string().min(1).max(64),
    type: TxnTypeSchema,
    items: z.array(ScoreItemInput).max(500),
    total: z.number().min(-1_000_000).max(1_000_000, 'is absurdly large'),
    tender: z
      .object({
        method: TenderMethodSchema,
        card_fingerprint: z.string().min(6).max(128).regex(/^[A-Za-z0-9_:.-]+$/, 'card_fingerprint must be a token').nullable().default(null),
        entry_mode: EntryModeSchema.nullable().default(null),
        last4: z.string().regex(/^\d{4}$/).nullable().optional(),
      })
      .strict()
      .nullable()
      .optional(),
    receipt_ref: z.string().min(1).max(64).nullable().default(null),
    original_txn_id: z.string().min(1).max(64).nullable().default(null),
  })
  .strict();
export type ScoreTxnInput = z.infer<typeof ScoreTxnInput>;

export const ReviewItem = z.object({
  txnId: z.string(),
  ts: z.string(),
  type: TxnTypeSchema,
  status: TxnStatusSchema,
  totalCents: z.number().int(),
  terminalId: z.string(),
  cashierId: z.string(),
  cashierName: z.string(),
  approvedBy: z.string().nullable(),
  score: z.number(),
  decision: ActionSchema,
  reasons: z.array(z.string()),
  explain: z.array(ReasonView),
  verdict: z.enum(['fraud', 'legitimate']).nullable(),
  verdictBy: z.string().nullable(),
  verdictAt: z.string().nullable(),
});

export const RuleView = z.object({ id: z.string(), action: ActionSchema, when: z.string(), reason: z.string(), enabled: z.boolean().optional() });

export const fraudOps = {
  'fraud.queue': op({
    summary: 'Decisions with their reasons, newest first: open = flagged without a verdict, flagged = every flagged one, all = every decision.',
    access: 'supervisor',
    input: z.object({ filter: z.enum(['open', 'flagged', 'all']).optional(), limit: z.number().int().min(1).max(500).optional() }).strict(),
    output: z.object({ items: z.array(ReviewItem), open: z.number().int() }),
  }),
  'fraud.verdict': op({
    summary: 'Label a flagged transaction fraud or legitimate (audited, queued for sync as a training label).',
    access: 'supervisor',
    input: z.object({ txnId: z.string().min(1).max(64), verdict: z.enum(['fraud', 'legitimate']) }).strict(),
    output: ReviewItem,
  }),
  'fraud.rules': op({
    summary: 'The active fraud rule set and its version.',
    access: 'supervisor',
    input: z.object({}).strict(),
    output: z.object({ version: z.string(), description: z.string().optional(), rules: z.array(RuleView) }),
  }),
  'fraud.installRules': op({
    summary: 'Install and activate a new rule set version (validated; refused whole if any rule is bad).',
    access: 'admin',
    input: z.object({ ruleSet: z.unknown() }).strict(),
    output: z.object({ version: z.string(), rules: z.number().int() }),
  }),
};
