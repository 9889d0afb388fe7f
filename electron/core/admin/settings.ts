// Runs: node (core). Store settings as the admin screen edits them: one audited transaction with
// each changed key's old and new value. Model settings take effect when the core next starts.
import type { Db } from '../db/database.ts';
import { appendAudit } from '../audit/audit.ts';
import { getSetting, setSetting, type Settings } from '../settings/settings.ts';

export const adminSettingKeys = ['locale', 'idleResetSeconds', 'sessionIdleMinutes', 'interactionRetentionDays', 'modelVariant', 'modelThreads', 'printerUrl', 'printerColumns', 'printerStatusCheck', 'receiptFooter', 'taxIncludedBp', 'returnPolicy'] as const;
type Key = (typeof adminSettingKeys)[number];
export type AdminSettingsView = Pick<Settings, Key>;

export function readAdminSettings(db: Db): AdminSettingsView {
  return Object.fromEntries(adminSettingKeys.map((k) => [k, getSetting(db, k)])) as AdminSettingsView;
}

export function saveAdminSettings(db: Db, actor: string, patch: Partial<AdminSettingsView>): { settings: AdminSettingsView; restartRequired: boolean } {
  return db.transaction(() => {
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const k of adminSettingKeys) {
      const v = patch[k];
      if (v === undefined) continue;
      const before = getSetting(db, k);
      if (JSON.stringify(before) === JSON.stringify(v)) continue;
      setSetting(db, k, v as never);
      changes[k] = { from: before, to: v };
    }
    if (Object.keys(changes).length) appendAudit(db, actor, 'settings.update', 'settings', changes);
    return { settings: readAdminSettings(db), restartRequired: 'modelVariant' in changes || 'modelThreads' in changes };
  })();
}
