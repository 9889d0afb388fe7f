// Runs: node (core). Opening hours as the kiosk answers them: which store-local day the shopper
// means ("today", "tomorrow", "sunday", "christmas eve"), that day's hours with the holiday
// exception taking precedence over the weekly hours, and whether the store is open right now.
// All dates are the store's calendar dates in its own timezone, whatever zone the terminal is in.
import type { StoreProfileView } from '../store/profile.ts';

type Hours = Pick<StoreProfileView, 'hours' | 'holidays' | 'timezone'>;

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const SHORT = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export interface LocalNow {
  date: string; // YYYY-MM-DD, store-local
  weekday: number; // 0 = Sunday
  minutes: number; // minutes since local midnight
}

export function localNow(now: Date, timeZone: string): LocalNow {
  let parts: Intl.DateTimeFormatPart[];
  const opts: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  try {
    parts = new Intl.DateTimeFormat('en-US', { ...opts, timeZone }).formatToParts(now);
  } catch {
    parts = new Intl.DateTimeFormat('en-US', opts).formatToParts(now); // unknown zone: the terminal's own
  }
  const get = (t: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === t)?.value ?? '';
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    weekday: SHORT.indexOf(get('weekday').toLowerCase()),
    minutes: (Number(get('hour')) % 24) * 60 + Number(get('minute')),
  };
}

/** Calendar arithmetic on 'YYYY-MM-DD' strings (UTC noon: no DST edge can move the date). */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function weekdayOf(date: string): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

// Holiday names shoppers use → words that occur in the store's holiday note for that date.
const HOLIDAY_WORDS: Array<[RegExp, RegExp]> = [
  [/christmas eve|xmas eve/i, /christmas eve/i],
  [/christmas|xmas/i, /christmas day/i],
  [/new year'?s eve|nye/i, /new year'?s eve/i],
  [/new year/i, /new year'?s day/i],
  [/thanksgiving|turkey day/i, /thanksgiving/i],
  [/black friday/i, /black friday/i],
  [/july 4|4th of july|fourth of july|independence/i, /independence/i],
  [/memorial/i, /memorial/i],
  [/labou?r day/i, /labou?r day/i],
  [/easter/i, /easter/i],
  [/holiday/i, /./],
];

export interface DayAsked {
  date: string;
  label: 'today' | 'tomorrow' | 'weekday' | 'holiday';
}

/** Which day the question is about; today when it names none. */
export function dayAsked(text: string, profile: Hours, now: Date): DayAsked {
  const t = text.toLowerCase();
  const today = localNow(now, profile.timezone).date;
  if (/\btomorrow|tmrw|tmr\b/.test(t)) return { date: addDays(today, 1), label: 'tomorrow' };
  for (const [asked, note] of HOLIDAY_WORDS) {
    if (!asked.test(t)) continue;
    const next = profile.holidays.find((h) => h.date >= today && note.test(h.note));
    if (next) return { date: next.date, label: 'holiday' };
  }
  const wd = WEEKDAYS.findIndex((w, i) => new RegExp(`\\b(${w}|${SHORT[i]})s?\\b`).test(t));
  if (wd >= 0) {
    for (let i = 0; i < 7; i++) {
      const d = addDays(today, i);
      if (weekdayOf(d) === wd) return { date: d, label: i === 0 ? 'today' : 'weekday' };
    }
  }
  if (/\bweekend\b/.test(t)) {
    for (let i = 0; i < 7; i++) {
      const d = addDays(today, i);
      if (weekdayOf(d) === 6) return { date: d, label: 'weekday' };
    }
  }
  return { date: today, label: 'today' };
}

export interface DayHours {
  date: string;
  weekday: number;
  opens: string | null;
  closes: string | null;
  holiday: string | null;
}

export function hoursOn(profile: Hours, date: string): DayHours {
  const weekday = weekdayOf(date);
  const h = profile.holidays.find((x) => x.date === date);
  if (h) return { date, weekday, opens: h.opens, closes: h.closes, holiday: h.note };
  const w = profile.hours.find((x) => x.weekday === weekday);
  return { date, weekday, opens: w?.opens ?? null, closes: w?.closes ?? null, holiday: null };
}

/** "07:00" → "7 am", "22:30" → "10:30 pm". */
export function clock(hhmm: string): string {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!m) return hhmm;
  const h = Number(m[1]);
  const suffix = h < 12 || h === 24 ? 'am' : 'pm';
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return m[2] === '00' ? `${h12} ${suffix}` : `${h12}:${m[2]} ${suffix}`;
}

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

function dayName(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  return new Intl.DateTimeFormat('en-US', { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(d);
}

/** One or two sentences: the hours on the day asked, the holiday note, and "open now" for today. */
export function hoursAnswer(text: string, profile: Hours, now: Date): { text: string; date: string } {
  const asked = dayAsked(text, profile, now);
  const day = hoursOn(profile, asked.date);
  const when = asked.label === 'today' ? `Today (${dayName(day.date)})` : asked.label === 'tomorrow' ? `Tomorrow (${dayName(day.date)})` : `On ${dayName(day.date)}`;
  const note = day.holiday ? ` ${day.holiday}.` : '';
  if (!day.opens || !day.closes) return { text: `${when} we are closed.${note}`, date: day.date };
  let s = `${when} we are open ${clock(day.opens)} to ${clock(day.closes)}.${note}`;
  if (asked.label === 'today') {
    const m = localNow(now, profile.timezone).minutes;
    if (m < toMinutes(day.opens)) s += ` We open at ${clock(day.opens)}.`;
    else if (m < toMinutes(day.closes)) s += ` We are open now, until ${clock(day.closes)}.`;
    else s += ' We are closed for the rest of today.';
  }
  return { text: s, date: day.date };
}
