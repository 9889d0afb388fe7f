// Runs: node (core). The single entry point every host calls: validates the op name and input
// against the contract, checks the caller's role in the core (never only in the UI), runs the
// handler, and wraps the result or a clear error in an envelope. No stack trace leaves the core.
import { api, isOpName, roleAllows, type Envelope } from '../../../common/api/index.ts';
import { CoreError, isCoreError } from '../db/errors.ts';
import { translateSqliteError } from '../db/database.ts';
import type { CallContext, CoreServices, HandlerTable } from './context.ts';
import { wellFormed } from '../text/unicode.ts';
import { zodIssue } from '../../../common/zod-issue.ts';

export interface DispatchLog {
  (entry: { op: string; ok: boolean; code?: string; ms: number }): void;
}

export function createDispatcher(core: CoreServices, handlers: HandlerTable, log: DispatchLog = () => {}) {
  return async function dispatch(opName: unknown, rawInput: unknown, token: unknown): Promise<Envelope<unknown>> {
    const t0 = performance.now();
    const name = typeof opName === 'string' ? opName.slice(0, 100) : '';
    try {
      if (!isOpName(name)) throw new CoreError('NOT_FOUND', `Unknown operation "${name}".`);
      const spec = api[name];
      const tok = typeof token === 'string' && token.length <= 200 ? token : null;
      const session = core.sessions.touch(tok);
      if (!roleAllows(session?.user.role ?? null, spec.access)) {
        throw session
          ? new CoreError('FORBIDDEN', `Your role (${session.user.role}) may not use ${name}; it needs ${spec.access}.`)
          : new CoreError('UNAUTHENTICATED', `Sign in to use ${name}.`);
      }
      const parsed = spec.input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        const issue = zodIssue(parsed.error);
        throw new CoreError('BAD_INPUT', `Invalid input for ${name}${issue.at}: ${issue.message}`);
      }
      const ctx: CallContext = { core, session, token: tok };
      const handler = handlers[name] as (c: CallContext, i: unknown) => unknown;
      // Every host's text enters here: a lone surrogate becomes U+FFFD before anything stores it.
      const data = await handler(ctx, wellFormed(parsed.data));
      log({ op: name, ok: true, ms: performance.now() - t0 });
      return { ok: true, data };
    } catch (e) {
      // Driver errors the caller can act on (busy, read-only, corrupt) keep their meaning.
      const sqlite = !isCoreError(e) && String((e as { code?: unknown }).code ?? '').startsWith('SQLITE_') ? translateSqliteError(e, 'the store database') : null;
      const known = isCoreError(e) ? e : sqlite && sqlite.code !== 'INTERNAL' ? sqlite : null;
      const err = known ?? new CoreError('INTERNAL', 'Something went wrong inside StoreMind; the error was logged.');
      if (!known) console.error(`[core] ${name} failed:`, e);
      log({ op: name, ok: false, code: err.code, ms: performance.now() - t0 });
      return { ok: false, error: { code: err.code, message: err.message } };
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;
