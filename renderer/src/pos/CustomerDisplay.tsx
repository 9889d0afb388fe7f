// Runs: dom (renderer). The customer-facing display (`#/display`): a second Electron window or a
// second browser page beside the till. It shows what the till sends (display.update): the cart as
// it is rung up, the total, the change, the receipt prompt; the store's promotions when idle. It
// follows the till by the display.changed event and reads the state once on load (and on reconnect).
import { useEffect, useState } from 'react';
import { call, subscribe } from '../api.ts';
import type { OpOutput } from '../../../common/api/index.ts';
import { useT } from '../i18n/index.tsx';
import { money } from './money.ts';
import './pos.css';

type Shown = OpOutput<'display.state'>;

export function CustomerDisplay() {
  const t = useT();
  const [shown, setShown] = useState<Shown | null>(null);

  useEffect(() => {
    let live = true;
    const load = () => call('display.state', {}).then((s) => live && setShown(s)).catch(() => undefined);
    void load();
    const off = subscribe('display.changed', (state) => setShown((s) => (s ? { ...s, state } : s)));
    // A missed event (the socket reconnected) heals within seconds.
    const poll = setInterval(() => void load(), 5000);
    return () => {
      live = false;
      off();
      clearInterval(poll);
    };
  }, []);

  if (!shown) return <div className="boot" aria-busy="true">{t('app.loading')}</div>;
  const { state } = shown;
  if (state.phase === 'idle' || state.lines.length === 0) {
    return (
      <main className="cdisplay cdisplay--idle" data-testid="cdisplay" data-phase="idle">
        <h1>{t('display.welcome', { store: shown.storeName })}</h1>
        {shown.promotions.length > 0 && (
          <ul className="cdisplay__promos" aria-label={t('display.promotions')}>
            {shown.promotions.map((p) => (
              <li key={p.name} data-testid="cdisplay-promo">
                <span>{p.name}</span>
                <s>{money(p.priceCents)}</s> <strong>{money(p.promoPriceCents)}</strong>
              </li>
            ))}
          </ul>
        )}
      </main>
    );
  }
  return (
    <main className="cdisplay" data-testid="cdisplay" data-phase={state.phase}>
      <p className="cdisplay__store">{shown.storeName}</p>
      <table className="cdisplay__lines">
        <tbody>
          {state.lines.map((l, i) => (
            <tr key={i} data-testid="cdisplay-line">
              <td>{l.name}</td>
              <td className="num">{l.weightGrams ? `${(l.weightGrams / 1000).toFixed(3)} kg` : `× ${l.qty}`}</td>
              <td className="num">{money(l.lineCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {state.savedCents ? <p className="cdisplay__saved">{t('display.saved', { amount: money(state.savedCents) })}</p> : null}
      <p className="cdisplay__total">
        {t('pos.cart.total')} <strong data-testid="cdisplay-total">{money(state.totalCents)}</strong>
      </p>
      {state.changeCents != null && state.changeCents > 0 && (
        <p className="cdisplay__change" data-testid="cdisplay-change">{t('display.change', { amount: money(state.changeCents) })}</p>
      )}
      {state.phase === 'done' && <p className="cdisplay__prompt" data-testid="cdisplay-done">{t('display.thanks')}</p>}
      {state.phase === 'paying' && <p className="cdisplay__prompt">{t('display.loyalty')}</p>}
    </main>
  );
}
