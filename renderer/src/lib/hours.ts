// Runs: dom (renderer). Today's opening hours as the kiosk shows them. "Today" is the store's
// calendar day (its timezone), not the terminal's: a kiosk with a wrong clock zone must still
// show the right day, and a holiday exception for that date replaces the weekly hours.
import type { StoreProfile } from './types.ts';

export type TodayHours =
  | { kind: 'open'; opens: string; closes: string; holiday: string | null }
  | { kind: 'closed'; holiday: string | null }
  | { kind: 'unknown' };

const weekdayIndex: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/** The store-local date ('YYYY-MM-DD') and weekday (0 = Sunday) at `now`. */
export function storeDay(now: Date, timeZone: string): { date: string; weekday: number } {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short' }).formatToParts(now);
  } catch {
    // Unknown zone name in the profile: the terminal's own zone is the best remaining guess.
    parts = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short' }).formatToParts(now);
  }
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, weekday: weekdayIndex[get('weekday')] ?? now.getDay() };
}

export function todaysHours(profile: Pick<StoreProfile, 'hours' | 'holidays' | 'timezone'>, now: Date): TodayHours {
  const { date, weekday } = storeDay(now, profile.timezone);
  const holiday = profile.holidays.find((h) => h.date === date);
  if (holiday) {
    return holiday.opens && holiday.closes
      ? { kind: 'open', opens: holiday.opens, closes: holiday.closes, holiday: holiday.note }
      : { kind: 'closed', holiday: holiday.note };
  }
  const day = profile.hours.find((h) => h.weekday === weekday);
  if (!day) return { kind: 'unknown' };
  return day.opens && day.closes ? { kind: 'open', opens: day.opens, closes: day.closes, holiday: null } : { kind: 'closed', holiday: null };
}

/** 'HH:MM' (store-local wall time) in the shopper's language, e.g. "9:00 AM" or "09:00". */
export function formatClock(hhmm: string, locale: string): string {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!m) return hhmm;
  // A wall-clock time, not an instant: format it in UTC so no zone shift can move it.
  const d = new Date(Date.UTC(2000, 0, 1, Number(m[1]), Number(m[2])));
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(d);
}
