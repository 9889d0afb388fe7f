// Runs: node (vitest). Opening hours in the store's timezone, with holiday exceptions first.
import { describe, expect, it } from 'vitest';
import { dayAsked, hoursAnswer, hoursOn, localNow, clock } from '../../../electron/core/assistant/hours.ts';

const profile = {
  timezone: 'America/Chicago',
  hours: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, opens: weekday === 0 ? '08:00' : '07:00', closes: weekday === 0 ? '20:00' : '22:00' })),
  holidays: [
    { date: '2026-11-26', opens: null, closes: null, note: 'Thanksgiving Day: closed so our team can be with their families' },
    { date: '2026-12-24', opens: '07:00', closes: '17:00', note: 'Christmas Eve: closing at 5 pm' },
    { date: '2026-12-25', opens: null, closes: null, note: 'Christmas Day: closed' },
  ],
};

describe('store hours', () => {
  it('uses the store-local date, not the terminal clock zone', () => {
    // 03:30 UTC on Dec 25 is still Christmas Eve evening in Chicago.
    const now = new Date('2026-12-25T03:30:00Z');
    expect(localNow(now, 'America/Chicago')).toMatchObject({ date: '2026-12-24', weekday: 4, minutes: 21 * 60 + 30 });
    expect(hoursAnswer('what time do you close', profile, now).text).toBe('Today (Thursday, December 24) we are open 7 am to 5 pm. Christmas Eve: closing at 5 pm. We are closed for the rest of today.');
  });

  it('a holiday exception replaces the weekly hours', () => {
    expect(hoursOn(profile, '2026-11-26')).toMatchObject({ opens: null, closes: null });
    expect(hoursOn(profile, '2026-11-25')).toMatchObject({ opens: '07:00', closes: '22:00', holiday: null });
    const now = new Date('2026-11-20T15:00:00Z');
    expect(hoursAnswer('are you open on thanksgiving', profile, now).text).toMatch(/^On Thursday, November 26 we are closed\. Thanksgiving Day/);
    expect(hoursAnswer('christmas eve hours?', profile, now).text).toMatch(/December 24 we are open 7 am to 5 pm/);
    expect(hoursAnswer('open on christmas?', profile, now).text).toMatch(/December 25 we are closed/);
  });

  it('finds the day asked: tomorrow, a weekday name, today by default', () => {
    const now = new Date('2026-11-27T18:00:00Z'); // Friday noon in Chicago
    expect(dayAsked('open tomorrow?', profile, now)).toEqual({ date: '2026-11-28', label: 'tomorrow' });
    expect(dayAsked('sunday hours', profile, now)).toEqual({ date: '2026-11-29', label: 'weekday' });
    expect(dayAsked('hours', profile, now)).toEqual({ date: '2026-11-27', label: 'today' });
    expect(hoursAnswer('when do you close', profile, now).text).toContain('We are open now, until 10 pm.');
    expect(hoursAnswer('sunday hours', profile, now).text).toBe('On Sunday, November 29 we are open 8 am to 8 pm.');
  });

  it('formats wall-clock times for people', () => {
    expect(clock('07:00')).toBe('7 am');
    expect(clock('22:30')).toBe('10:30 pm');
    expect(clock('12:00')).toBe('12 pm');
    expect(clock('00:15')).toBe('12:15 am');
  });
});
