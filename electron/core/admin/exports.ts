// Runs: node (core). Data exports of interactions: CSV for the back office, JSON lines for the
// CLI. Only redacted text leaves (and it is redacted again on the way out, so a row written before
// a redaction rule existed cannot leak through an export); no session ids. Every export is audited.
import type { Db } from '../db/database.ts';
import { appendAudit } from '../audit/audit.ts';
import { redactText } from '../privacy/redact.ts';
import { iterateInteractions, type StoredInteraction } from './interactions.ts';
import { csvLine } from './csv.ts';
import type { InteractionFilterInput } from '../../../common/api/admin.ts';

const HEADER = ['id', 'ts', 'terminal_id', 'intent', 'corrected_intent', 'confidence', 'handoff', 'feedback', 'model_version', 'text_redacted'];

export function exportRecord(r: StoredInteraction) {
  return {
    id: r.id,
    ts: r.ts,
    terminalId: r.terminal_id,
    intent: r.intent,
    correctedIntent: r.corrected_intent,
    confidence: r.confidence,
    handoff: r.handoff === 1,
    feedback: r.feedback,
    modelVersion: r.model_version,
    text: redactText(r.text_redacted),
  };
}

/** Audit details must not carry PII either: the search text staff typed is redacted too. */
function filterForAudit(f: InteractionFilterInput | undefined): Record<string, unknown> {
  return f ? { ...f, ...(f.q ? { q: redactText(f.q) } : {}) } : {};
}

export function exportCsv(db: Db, actorId: string, filter: InteractionFilterInput | undefined, limit: number): { csv: string; rows: number; truncated: boolean } {
  const lines = [HEADER.join(',')];
  let rows = 0;
  let truncated = false;
  for (const r of iterateInteractions(db, filter, limit + 1)) {
    if (rows === limit) {
      truncated = true;
      break;
    }
    const e = exportRecord(r);
    lines.push(
      csvLine([
        { v: e.id },
        { v: e.ts },
        { v: e.terminalId },
        { v: e.intent },
        { v: e.correctedIntent },
        { v: e.confidence, text: false },
        { v: e.handoff ? 1 : 0, text: false },
        { v: e.feedback, text: false },
        { v: e.modelVersion },
        { v: e.text },
      ]),
    );
    rows++;
  }
  appendAudit(db, actorId, 'data.export', 'interactions', { format: 'csv', rows, truncated, filter: filterForAudit(filter) });
  return { csv: `${lines.join('\r\n')}\r\n`, rows, truncated };
}

/** JSON lines to a writer (the CLI's stdout); returns the row count. Audited after the last line. */
export function exportJsonLines(db: Db, actor: string, filter: InteractionFilterInput | undefined, write: (line: string) => void): number {
  let rows = 0;
  for (const r of iterateInteractions(db, filter)) {
    write(`${JSON.stringify(exportRecord(r))}\n`);
    rows++;
  }
  appendAudit(db, actor, 'data.export', 'interactions', { format: 'jsonl', rows, filter: filterForAudit(filter) });
  return rows;
}
