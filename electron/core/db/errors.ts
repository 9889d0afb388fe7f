// Runs: node (core). One error type for every failure the core reports to a caller, so hosts
// (CLI, HTTP, IPC) can answer with a clear code and message instead of a stack trace.
export type CoreErrorCode =
  | 'BAD_INPUT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'DB_CORRUPT'
  | 'DB_LOCKED'
  | 'DB_UNWRITABLE'
  | 'MIGRATION_FAILED'
  | 'MODEL_INVALID'
  | 'INTERNAL';

export class CoreError extends Error {
  readonly code: CoreErrorCode;
  readonly details: unknown;
  constructor(code: CoreErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'CoreError';
    this.code = code;
    this.details = details;
  }
}

export function isCoreError(e: unknown): e is CoreError {
  return e instanceof CoreError;
}
