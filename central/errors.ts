// Runs: node (central platform). One error type for refusals: an HTTP status, a stable code a
// terminal can act on, and a message a person can read. Every refusal is logged with its reason.
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
  }
}

export const badRequest = (code: string, msg: string) => new HttpError(400, code, msg);
export const unauthorized = (code: string, msg: string) => new HttpError(401, code, msg);
export const forbidden = (code: string, msg: string) => new HttpError(403, code, msg);
