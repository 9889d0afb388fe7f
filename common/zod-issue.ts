// Runs: anywhere. Every trust boundary answers bad input with zod's first issue; this is the one
// place that turns it into words, so the IPC, HTTP, CLI and file readers all say it the same way.
import type { z } from 'zod';

export interface IssueText {
  /** "items.0.qty", or '' when the whole value is wrong. */
  path: string;
  /** " at items.0.qty", or '' (for "Invalid input for pos.submit at items.0.qty: ..."). */
  at: string;
  /** "items.0.qty: Expected number", or just the message when the whole value is wrong. */
  where: string;
  message: string;
}

export function zodIssue(error: z.ZodError): IssueText {
  const issue = error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  const message = issue?.message ?? 'invalid';
  return { path, at: path ? ` at ${path}` : '', where: path ? `${path}: ${message}` : message, message };
}

/** "qty Expected number" / "value is invalid": the issue as the object of a sentence about one value. */
export function valueIssue(error: z.ZodError): string {
  const { path, message } = zodIssue(error);
  return `${path || 'value'} ${error.issues[0] ? message : 'is invalid'}`;
}
