// Runs: anywhere (core, preload, renderer). The building block of the API contract: each operation
// names its input and output schemas and the least role allowed to call it. The core validates
// every input against these schemas at the boundary; the renderer gets the types for free.
import type { z } from 'zod';

export const roles = ['cashier', 'supervisor', 'manager', 'admin'] as const;
export type Role = (typeof roles)[number];
/** 'public' operations are the kiosk's: callable without signing in. */
export type Access = 'public' | Role;

export interface OpSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType, A extends Access = Access> {
  input: I;
  output: O;
  /** Kept as its literal ('public', 'manager'…), so a handler's session type can follow from it. */
  access: A;
  summary: string;
}

export function op<I extends z.ZodType, O extends z.ZodType, A extends Access>(spec: OpSpec<I, O, A>): OpSpec<I, O, A> {
  return spec;
}

/** Role rank: a caller may use an operation whose access is at or below their own rank. */
export function roleAllows(role: Role | null, access: Access): boolean {
  if (access === 'public') return true;
  if (role === null) return false;
  return roles.indexOf(role) >= roles.indexOf(access);
}
