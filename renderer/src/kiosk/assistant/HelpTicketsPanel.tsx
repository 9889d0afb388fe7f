// Runs: dom (renderer). Staff side of the kiosk handoff (POS and back office): the kiosks' open
// help tickets, live (the core pushes tickets.changed), with Claim and Close. The reason is the
// redacted text the core stored; it is rendered as text.
import { useCallback, useEffect, useState } from 'react';
import type { OpOutput } from '../../../../common/api/index.ts';
import { call, errorText, subscribe } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { StaffPanelProps } from '../../staff/panels.tsx';
import './assistant.css';

type Ticket = OpOutput<'tickets.list'>['tickets'][number];

export function HelpTicketsPanel({ session }: StaffPanelProps) {
  const { t, locale } = useI18n();
  const [tickets, setTickets] = useState<Ticket[]>([]);
  const [error, setError] = useState('');
  const load = useCallback(() => {
    call('tickets.list', { status: 'active' })
      .then((r) => {
        setTickets(r.tickets);
        setError('');
      })
      .catch((e: unknown) => setError(errorText(e)));
  }, []);
  useEffect(() => {
    load();
    let off = () => {};
    try {
      off = subscribe('tickets.changed', load);
    } catch {
      // No event channel: the list still refreshes after every action here.
    }
    return off;
  }, [load]);

  const update = async (id: string, status: 'claimed' | 'closed') => {
    try {
      await call('tickets.update', { id, status });
      load();
    } catch (e) {
      setError(errorText(e));
    }
  };
  const time = (iso: string) => new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(new Date(iso));

  return (
    <section className="staff-panel tickets" data-testid="help-tickets">
      <h2 className="staff-panel__title">{t('tickets.title')}</h2>
      {error && <p className="tickets__error" role="alert">{error}</p>}
      {tickets.length === 0 ? (
        <p className="staff-panel__body" data-testid="help-tickets-empty">{t('tickets.none')}</p>
      ) : (
        <ul className="tickets__list">
          {tickets.map((k) => (
            <li key={k.id} className={`tickets__item tickets__item--${k.status}`} data-testid="help-ticket">
              <p className="tickets__head">
                <strong>{t('tickets.from', { terminal: k.terminal_id })}</strong> · {time(k.ts)} · {k.status === 'open' ? t('tickets.status.open') : t('tickets.status.claimed')}
                {k.handled_by_name && <span data-testid="help-ticket-claimer"> · {k.handled_by_name}</span>}
              </p>
              <p className="tickets__reason">{k.reason}</p>
              <div className="tickets__actions">
                {k.status === 'open' && (
                  <button type="button" className="btn btn--primary" onClick={() => void update(k.id, 'claimed')} data-testid="help-ticket-claim">
                    {t('tickets.claim')}
                  </button>
                )}
                {(k.handled_by === session.user.id || session.user.role !== 'cashier') && (
                  <button type="button" className="btn" onClick={() => void update(k.id, 'closed')} data-testid="help-ticket-close">
                    {t('tickets.close')}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
