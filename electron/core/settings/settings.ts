// Runs: node (core). Terminal settings as JSON values with typed defaults; one place to read them.
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { PrinterUrl } from '../../../common/api/printing.ts';
import { ReturnPolicy } from '../../../common/api/pos.ts';
import { DEFAULT_SCALE_LAYOUT, ScaleLayoutSchema } from '../catalog/gs1.ts';

export const settingsSchema = {
  locale: z.enum(['en', 'zh-CN']),
  surface: z.enum(['kiosk', 'pos', 'admin']),
  idleResetSeconds: z.number().int().min(15).max(3600),
  sessionIdleMinutes: z.number().int().min(1).max(240),
  terminalId: z.string().min(1).max(64),
  modelVariant: z.enum(['auto', 'int8', 'fp32']),
  modelThreads: z.number().int().min(0).max(64), // 0 = from the device probe
  interactionRetentionDays: z.number().int().min(1).max(3650),
  /** Departments "goes well with" never suggests (medicines, and by store choice alcohol or tobacco). */
  recommendExcludeDepartments: z.array(z.string().min(1).max(80)).max(50),
  /** The receipt printer: '' for none, tcp://HOST:PORT (network, port 9100), a device path (USB or serial) or cups://QUEUE. */
  printerUrl: PrinterUrl,
  /** Characters per line: 48 for 80 mm paper with font A, 32 for 58 mm. */
  printerColumns: z.number().int().min(24).max(64),
  /** Ask the printer for its paper and status before and after each job (network printers that answer DLE EOT). */
  printerStatusCheck: z.boolean(),
  /** Printed under the totals. */
  receiptFooter: z.string().max(300),
  /** Prices include this tax (basis points, 800 = 8%); the receipt shows the included amount. 0: no tax line. */
  taxIncludedBp: z.number().int().min(0).max(5000),
  /** How this store's scales print variable-measure labels (prefixes 20–29: weight or price). */
  scaleLayout: ScaleLayoutSchema,
  /** The store's return policy: the kiosk's answer and the till's rules both read it. */
  returnPolicy: ReturnPolicy,
} as const;

export type Settings = { [K in keyof typeof settingsSchema]: z.infer<(typeof settingsSchema)[K]> };
export type SettingKey = keyof Settings;

export const defaultSettings: Settings = {
  locale: 'en',
  surface: 'kiosk',
  idleResetSeconds: 90,
  sessionIdleMinutes: 15,
  terminalId: 'terminal-1',
  modelVariant: 'auto',
  modelThreads: 0,
  interactionRetentionDays: 30,
  recommendExcludeDepartments: ['Pharmacy', 'Alcohol', 'Tobacco'],
  printerUrl: '',
  printerColumns: 48,
  printerStatusCheck: true,
  receiptFooter: 'Thank you for shopping with us. Keep this receipt for returns.',
  taxIncludedBp: 0,
  scaleLayout: DEFAULT_SCALE_LAYOUT,
  returnPolicy: { days: 30, noReceipt: 'store_credit', idRequired: true },
};

export function getSetting<K extends SettingKey>(db: Db, key: K): Settings[K] {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  if (!row) return defaultSettings[key];
  const parsed = settingsSchema[key].safeParse(JSON.parse(row.value));
  // A bad stored value (hand-edited, older version) falls back to the default rather than failing.
  return parsed.success ? (parsed.data as Settings[K]) : defaultSettings[key];
}

export function setSetting<K extends SettingKey>(db: Db, key: K, value: Settings[K], now = new Date()): Settings[K] {
  const v = settingsSchema[key].parse(value) as Settings[K];
  db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at').run(
    key, JSON.stringify(v), now.toISOString(),
  );
  return v;
}
