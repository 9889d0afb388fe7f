// Runs: node (core). The kiosk assistant: one turn goes clean text → (redacted) intent
// classification with calibrated confidence → slots → dialogue policy → answer from this store's
// data → handoff when needed → the turn stored through recordInteraction (redacted, with model
// version and latency, queued for sync). Conversation state lives in memory per kiosk session id.
import type { Db } from '../db/database.ts';
import { CoreError } from '../db/errors.ts';
import { enqueue } from '../db/outbox.ts';
import { redactText } from '../privacy/redact.ts';
import { createSearchIndex, type SearchIndex } from '../search/engine.ts';
import { getSetting } from '../settings/settings.ts';
import { readStoreProfile } from '../store/profile.ts';
import {
  answerIntent,
  askReply,
  clarifyReply,
  deflectReply,
  handoffReply,
  chineseProductsReply,
  languageReply,
  promptReply,
  unavailableReply,
  type ProductCard,
  type Reply,
  type ReplyKind,
} from './answers.ts';
import { Conversations, type Conversation } from './conversations.ts';
import { recordInteraction } from './interactions.ts';
import type { KioskIntent } from './intents.ts';
import { kbEntries } from './kb.ts';
import type { Encoder } from '../models/index.ts';
import { loadIntentModel, type IntentModel, type IntentModelConfig, type IntentVerdict } from './model.ts';
import { decide, type Plan } from './policy.ts';
import { extractSlots } from './slots.ts';
import { cleanText, inputShape, modelText } from './text.ts';
import { openTicket, openTicketCount } from './tickets.ts';

export interface AskResult {
  sessionId: string;
  interactionId: string;
  kind: ReplyKind;
  intent: KioskIntent;
  confidence: number;
  answer: string;
  answerId: string;
  handoff: boolean;
  ticketId: string | null;
  products: ProductCard[];
  options: KioskIntent[];
  modelVersion: string;
  latencyMs: number;
}

export interface AssistantOptions {
  db: Db;
  /** A loaded model, or how to load one (paths from options / env / defaults). */
  model?: IntentModel;
  modelConfig?: IntentModelConfig;
  /** The core's already loaded encoder, reused when the head was trained on it. */
  sharedEncoder?: () => Encoder | null;
  emit?: (event: string, payload: unknown) => void;
  clock?: () => Date;
  /** Conversation idle expiry; default: the kiosk's idle reset setting. */
  idleMs?: () => number;
  log?: (line: string) => void;
  /** "Goes well with" for a found product's SKU (in stock, allowed), for one line under the answer. */
  alsoBuy?: (sku: string) => Array<{ name: string; aisle: string }>;
}

const MODEL_RETRY_MS = 60_000;

export class Assistant {
  readonly db: Db;
  readonly search: SearchIndex;
  readonly conversations: Conversations;
  private model: IntentModel | null;
  private modelError: string | null = null;
  private lastLoadAttempt = 0;
  private readonly opts: AssistantOptions;

  constructor(opts: AssistantOptions, model: IntentModel | null, modelError: string | null) {
    this.opts = opts;
    this.db = opts.db;
    this.model = model;
    this.modelError = modelError;
    this.lastLoadAttempt = Date.now();
    this.search = createSearchIndex(opts.db);
    this.conversations = new Conversations(opts.idleMs ?? (() => getSetting(opts.db, 'idleResetSeconds') * 1000));
  }

  get modelVersion(): string {
    return this.model?.version ?? 'none';
  }

  get modelStatus(): { ready: boolean; error: string | null } {
    return { ready: this.model !== null, error: this.modelError };
  }

  private now(): Date {
    return this.opts.clock?.() ?? new Date();
  }

  /** After a failed load, try again now and then (a model may be installed while running). */
  private async ensureModel(): Promise<IntentModel | null> {
    if (this.model || this.opts.model || Date.now() - this.lastLoadAttempt < MODEL_RETRY_MS) return this.model;
    this.lastLoadAttempt = Date.now();
    try {
      this.model = await loadIntentModel(this.opts.modelConfig, this.opts.sharedEncoder?.() ?? null);
      this.modelError = null;
    } catch (e) {
      this.modelError = (e as Error).message;
    }
    return this.model;
  }

  /**
   * Loads the intent model again (a new head arrived, or the encoder is being swapped) beside the
   * running one and switches to it; the old one is closed after. On failure the old one keeps serving.
   */
  async reloadModel(cfg: IntentModelConfig | undefined, shared: Encoder | null): Promise<{ ok: boolean; version: string; error?: string }> {
    if (this.opts.model) return { ok: false, version: this.modelVersion, error: 'this assistant runs a model it was given' };
    let next: IntentModel;
    try {
      next = await loadIntentModel(cfg ?? this.opts.modelConfig, shared ?? this.opts.sharedEncoder?.() ?? null);
    } catch (e) {
      const error = (e as Error).message;
      this.opts.log?.(`[assistant] new intent model not loaded (${error}); ${this.modelVersion} keeps serving`);
      return { ok: false, version: this.modelVersion, error };
    }
    const old = this.model;
    this.model = next;
    this.modelError = null;
    if (cfg) this.opts.modelConfig = cfg;
    await old?.close();
    return { ok: true, version: next.version };
  }

  async classify(text: string): Promise<IntentVerdict | null> {
    const model = await this.ensureModel();
    // The model only ever sees redacted text, so no card number or email reaches its cache.
    return model ? model.classify(redactText(modelText(text))) : null;
  }

  async ask(input: { sessionId: string; text: string }): Promise<AskResult> {
    const t0 = performance.now();
    const now = this.now();
    const conv = this.conversations.get(input.sessionId, now.getTime());
    conv.turns++;
    const text = cleanText(input.text);
    const shape = inputShape(text);
    const cls = shape === 'text' ? await this.classify(text) : null;
    const slots = extractSlots(modelText(text));

    let plan: Plan;
    let reply: Reply;
    if (shape === 'text' && cls === null) {
      plan = { kind: 'deflect' };
      reply = unavailableReply();
    } else {
      plan = decide(conv, shape, cls, slots, text);
      reply = await this.replyFor(plan, conv, slots, text, now);
    }
    let intent: KioskIntent = 'intent' in plan ? plan.intent : (cls?.label ?? 'out_of_scope');

    // Two turns in a row that did not help: a person takes over.
    if (reply.kind !== 'handoff') {
      if (reply.failed) conv.failed++;
      else if (reply.kind === 'answer') conv.failed = 0;
      if (conv.failed >= 2) {
        reply = this.handoff(conv, 'failed_turns', `not understood twice: ${text.slice(0, 120)}`, now);
        if (intent === 'out_of_scope') intent = 'human_agent';
      }
    }
    const latencyMs = Math.round((performance.now() - t0) * 100) / 100;
    return this.record(conv, text, intent, cls?.confidence ?? 0, reply, latencyMs, now);
  }

  private async replyFor(plan: Plan, conv: Conversation, slots: ReturnType<typeof extractSlots>, text: string, now: Date): Promise<Reply> {
    switch (plan.kind) {
      case 'prompt':
        return promptReply();
      case 'language':
        return (await chineseProductsReply({ db: this.db, search: this.search }, text)) ?? languageReply();
      case 'deflect':
        return deflectReply();
      case 'clarify':
        return clarifyReply(plan.options);
      case 'handoff':
        return this.handoff(conv, plan.reason, `${plan.reason === 'complaint' ? 'complaint' : 'asked for a person'}: ${text.slice(0, 200)}`, now);
      case 'ask': {
        const again = conv.pending?.intent === plan.intent && conv.pending.slot === plan.slot;
        conv.pending = { intent: plan.intent, slot: plan.slot, asked: again ? (conv.pending?.asked ?? 0) + 1 : 1 };
        return askReply(plan.slot, again);
      }
      case 'answer': {
        const profile = readStoreProfile(this.db);
        if (!profile) throw new CoreError('NOT_FOUND', 'This terminal has no store profile yet.');
        const r = await answerIntent({ db: this.db, search: this.search, profile, kb: kbEntries(this.db), conv, now, alsoBuy: this.opts.alsoBuy }, plan.intent, plan.slot, slots, text);
        // A number that was not found keeps the question open, so the shopper can retype it.
        conv.pending = r.kind === 'not_found' && plan.slot ? { intent: plan.intent, slot: plan.slot, asked: (conv.pending?.asked ?? 0) + 1 } : null;
        return r;
      }
    }
  }

  private handoff(conv: Conversation, reason: string, note: string, now: Date): Reply {
    const terminalId = getSetting(this.db, 'terminalId');
    const { ticket, created } = openTicket(this.db, { terminalId, sessionId: conv.id, reason: note }, now);
    conv.ticketId = ticket.id;
    conv.pending = null;
    conv.failed = 0;
    if (created) this.opts.emit?.('tickets.changed', { open: openTicketCount(this.db) });
    return handoffReply(reason, created);
  }

  private record(conv: Conversation, text: string, intent: KioskIntent, confidence: number, reply: Reply, latencyMs: number, now: Date): AskResult {
    const row = recordInteraction(
      this.db,
      {
        terminalId: getSetting(this.db, 'terminalId'),
        sessionId: conv.id,
        text,
        intent,
        confidence,
        answerId: reply.answerId,
        answerText: reply.text,
        handoff: reply.kind === 'handoff',
        modelVersion: this.modelVersion,
        latencyMs,
      },
      now,
    );
    return {
      sessionId: conv.id,
      interactionId: row.id,
      kind: reply.kind,
      intent,
      confidence: Math.round(confidence * 1e4) / 1e4,
      answer: reply.text,
      answerId: reply.answerId,
      handoff: reply.kind === 'handoff',
      ticketId: reply.kind === 'handoff' ? conv.ticketId : null,
      products: reply.products,
      options: reply.options,
      modelVersion: this.modelVersion,
      latencyMs,
    };
  }

  /** The kiosk's "Call staff" button: a ticket, recorded as a turn like any other. */
  callStaff(input: { sessionId: string }): AskResult {
    const t0 = performance.now();
    const now = this.now();
    const conv = this.conversations.get(input.sessionId, now.getTime());
    const reply = this.handoff(conv, 'call_staff', 'Call staff button on the kiosk', now);
    return this.record(conv, '[Call staff button]', 'human_agent', 1, reply, Math.round((performance.now() - t0) * 100) / 100, now);
  }

  /** "Was this helpful?": one answer per interaction of this conversation, queued for sync. */
  feedback(input: { sessionId: string; interactionId: string; helpful: boolean }): { interactionId: string; feedback: 1 | -1 } {
    const feedback = input.helpful ? 1 : -1;
    const now = this.now();
    this.db.transaction(() => {
      const info = this.db.prepare('UPDATE interactions SET feedback = ? WHERE id = ? AND session_id = ?').run(feedback, input.interactionId, input.sessionId);
      if (info.changes === 0) throw new CoreError('NOT_FOUND', 'That answer is not part of this conversation.');
      enqueue(this.db, 'feedback', input.interactionId, { interaction_id: input.interactionId, feedback, ts: now.toISOString() }, now);
    })();
    return { interactionId: input.interactionId, feedback };
  }

  /** The kiosk wiped the conversation (idle reset, "start over"). */
  endConversation(sessionId: string): void {
    this.conversations.end(sessionId);
  }

  async close(): Promise<void> {
    const m = this.model;
    this.model = null;
    await m?.close();
  }
}

export async function createAssistant(opts: AssistantOptions): Promise<Assistant> {
  let model: IntentModel | null = opts.model ?? null;
  let error: string | null = null;
  if (!model) {
    try {
      model = await loadIntentModel(opts.modelConfig, opts.sharedEncoder?.() ?? null);
    } catch (e) {
      error = (e as Error).message;
      opts.log?.(`[assistant] intent model unavailable: ${error}`);
    }
  }
  const a = new Assistant(opts, model, error);
  // Pay the search index's first-query setup now, not on the first shopper.
  await a.search.search('milk', { limit: 1 });
  return a;
}
