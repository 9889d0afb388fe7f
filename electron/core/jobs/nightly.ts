// Runs: node (core). One night-time job per terminal: runs once a day from `hour` local time, and
// at once when it has never run but has something to work on. Checks every ten minutes; the timer
// never keeps the process alive, and a run that is still going is never started twice.
import type { Db } from '../db/database.ts';

export interface NightlyJob {
  name: string;
  /** Local hour from which the day's run may start (default 3). */
  hour?: number;
  /** When it last finished, or null when never. */
  lastRunAt: () => string | null;
  /** Whether a first run would have anything to do. */
  hasWork: () => boolean;
  run: () => Promise<unknown>;
  everyMs?: number;
}

export function startNightly(db: Db, job: NightlyJob): { stop: () => void; check: () => void } {
  const hour = job.hour ?? 3;
  let running = false;
  const check = () => {
    if (!db.open || running) return;
    const now = new Date();
    const last = job.lastRunAt();
    const due = last === null ? job.hasWork() : now.getHours() >= hour && new Date(last).toDateString() !== now.toDateString();
    if (!due) return;
    running = true;
    job.run()
      .catch((e: Error) => console.warn(`[${job.name}] nightly run failed, the last good result stays: ${e.message}`))
      .finally(() => (running = false));
  };
  const timer = setInterval(check, job.everyMs ?? 10 * 60_000);
  timer.unref();
  return { stop: () => clearInterval(timer), check };
}
