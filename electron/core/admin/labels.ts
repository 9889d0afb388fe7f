// Runs: node (core). Feedback labelling: staff correct an interaction's intent. The correction is
// stored on the row, queued as a training example for the central platform (outbox kind
// 'intent_correction', same transaction) and audited.
import type { Db } from '../db/database.ts';
import { CoreError } from '../db/errors.ts';
import { enqueue } from '../db/outbox.ts';
import { appendAudit } from '../audit/audit.ts';
import { COLUMNS, toView, type StoredInteraction } from './interactions.ts';
import type { InteractionViewRow } from '../../../common/api/admin.ts';

export interface IntentCorrectionExample {
  interactionId: string;
  ts: string;
  terminalId: string;
  text: string;
  predictedIntent: string;
  confidence: number;
  correctedIntent: string;
  modelVersion: string;
  correctedBy: string;
  correctedAt: string;
}

export function correctIntent(db: Db, id: string, intent: string, actorId: string, now = new Date()): InteractionViewRow {
  return db.transaction(() => {
    const row = db.prepare(`SELECT ${COLUMNS} FROM interactions i WHERE i.id = ?`).get(id) as StoredInteraction | undefined;
    if (!row) throw new CoreError('NOT_FOUND', `No interaction ${id} (it may have been purged by the retention setting).`);
    const previous = row.corrected_intent;
    db.prepare('UPDATE interactions SET corrected_intent = ? WHERE id = ?').run(intent, id);
    const example: IntentCorrectionExample = {
      interactionId: id,
      ts: row.ts,
      terminalId: row.terminal_id,
      text: row.text_redacted, // already redacted on the write path
      predictedIntent: row.intent,
      confidence: row.confidence,
      correctedIntent: intent,
      modelVersion: row.model_version,
      correctedBy: actorId,
      correctedAt: now.toISOString(),
    };
    enqueue(db, 'intent_correction', id, example, now);
    appendAudit(db, actorId, 'interaction.correctIntent', id, { predicted: row.intent, previous, corrected: intent }, now);
    return toView({ ...row, corrected_intent: intent });
  })();
}
