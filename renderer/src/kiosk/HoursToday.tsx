// Runs: dom (renderer). "Today: Open 9:00 AM – 9:00 PM" (or closed, or holiday hours) for the kiosk.
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { formatClock, todaysHours } from '../lib/hours.ts';
import type { StoreProfile } from '../lib/types.ts';
import { ClockIcon } from '../components/Icons.tsx';

/** The current time, re-read every minute so "today" rolls over at midnight on an always-on kiosk. */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = window.setInterval(() => setNow(new Date()), 60_000);
    return () => window.clearInterval(id);
  }, []);
  return now;
}

export function HoursToday({ profile }: { profile: StoreProfile }) {
  const { t, locale } = useI18n();
  const today = todaysHours(profile, useNow());

  let main: string;
  if (today.kind === 'open') main = t('hours.openRange', { opens: formatClock(today.opens, locale), closes: formatClock(today.closes, locale) });
  else if (today.kind === 'closed') main = t('hours.closedToday');
  else main = t('hours.unknown');
  const holiday = today.kind !== 'unknown' ? today.holiday : null;

  return (
    <section className="hours" aria-label={t('hours.today')} data-testid="hours-today">
      <ClockIcon size={36} />
      <div>
        <div className="hours__label">{t('hours.today')}</div>
        <div className="hours__main">{main}</div>
        {holiday && <div className="hours__holiday">{t('hours.holiday', { note: holiday })}</div>}
      </div>
    </section>
  );
}
