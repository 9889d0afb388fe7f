// Runs: node (core). What a handler gets: the core's services and the caller's session.
import type { Db } from '../db/database.ts';
import type { Session, SessionStore } from '../auth/sessions.ts';
import type { OpName, OpOutput, Api } from '../../../common/api/index.ts';
import type { z } from 'zod';
import type { SearchIndex } from '../search/engine.ts';
import type { ModelService } from '../model-service.ts';
import type { PrintWorker } from '../printing/worker.ts';
import type { DisplayStateT } from '../../../common/api/printing.ts';
import type { SyncService } from '../sync/index.ts';
import type { FraudEngine } from '../fraud/engine.ts';
import type { Assistant } from '../assistant/assistant.ts';

export interface CoreServices {
  db: Db;
  dataDir: string;
  dbPath: string;
  appVersion: string;
  sessions: SessionStore;
  /** Loaded on demand; absent until the model service is up. */
  modelVersions: () => Array<{ name: string; version: string; variant: string }>;
  /** The on-device encoder as an embedder, or null while it loads or when it failed. */
  embedder: () => { version: string; embed(texts: string[]): Promise<Float32Array[]> } | null;
  /** Broadcasts a server event to every connected UI. */
  emit: (event: string, payload: unknown) => void;
  /** The domains' services, each typed, present once started (or, for the lazy ones, first asked for). */
  extensions: CoreExtensions;
}

export interface CoreExtensions {
  search?: SearchIndex;
  models?: ModelService;
  /** Receipts and drawer kicks (printing/worker.ts). */
  printer?: PrintWorker;
  /** What the customer display shows now (the till sets it). */
  display?: DisplayStateT;
  sync?: SyncService;
  admin?: { retention: { stop(): void } };
  /** Loaded on first use; the promise is kept so concurrent callers share one load. */
  fraudEngine?: Promise<FraudEngine>;
  assistant?: Promise<Assistant>;
}

export interface CallContext<S extends Session | null = Session | null> {
  core: CoreServices;
  session: S;
  /** The raw token the caller sent (sign-out needs it). */
  token: string | null;
}

/** A signed-in caller's context: what every non-public op's handler gets. */
export type SignedIn = CallContext<Session>;

/**
 * The dispatcher refuses a non-public op without a session before its handler runs, so the
 * handler's type says so: only a 'public' op's handler sees a possibly null session.
 */
type SessionFor<K extends OpName> = Api[K]['access'] extends 'public' ? Session | null : Session;

export type Handler<K extends OpName> = (ctx: CallContext<SessionFor<K>>, input: z.output<Api[K]['input']>) => OpOutput<K> | Promise<OpOutput<K>>;
export type HandlerTable = { [K in OpName]: Handler<K> };
