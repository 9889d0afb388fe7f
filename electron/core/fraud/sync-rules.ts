// Runs: node (core). Fraud rule sets downloaded from the central platform: the sync download step
// hands each `fraud_rule` change to installRuleSet, which validates and compiles every rule before
// anything is stored. A bad rule set throws, so download skips it (with its reason) inside its own
// savepoint and the terminal keeps enforcing the rule set it had.
import { registerChangeApplier } from '../sync/download.ts';
import { installRuleSet } from './rules.ts';

let registered = false;

/** Registers the `fraud_rule` change applier (idempotent; createCore calls it at start-up). */
export function registerFraudRuleDownloads(): void {
  if (registered) return;
  registered = true;
  registerChangeApplier('fraud_rule', (db, change, now) => {
    // A rule set version names one rule set forever; "removing" one means publishing a newer one.
    if (change.op === 'delete') throw new Error(`rule set ${change.key}: a rule set cannot be deleted; publish a newer version`);
    const data = change.data as { version?: unknown } | null | undefined;
    if (data && typeof data === 'object' && data.version !== undefined && data.version !== change.key) {
      throw new Error(`rule set ${change.key}: its body says version ${String(data.version)}`);
    }
    installRuleSet(db, change.data, 'sync', 'system', new Date(now));
  });
}
