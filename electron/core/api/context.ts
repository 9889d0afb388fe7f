// Runs: node (core). What a handler gets: the core's services and the caller's session.
import type { Db } from '../db/database.ts';
import type { Session, SessionStore } from '../auth/sessions.ts';
import type { OpName, OpOutput, Api } from '../../../common/api/index.ts';
import type { z } from 'zod';

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
  /** Extra services registered by domains (search index, assistant, ...). */
  extensions: Map<string, unknown>;
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
