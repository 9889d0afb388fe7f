// Runs: dom (renderer). The sign-in screen POS and back office open on. Shows the core's own error
// message on a wrong PIN (it knows best: wrong PIN, locked out, not allowed on this surface).
import { useState } from 'react';
import { errorText, signIn } from '../api.ts';
import { useT } from '../i18n/index.tsx';
import { useAppData } from '../lib/AppContext.tsx';
import { hrefFor } from '../lib/route.ts';
import type { Surface } from '../lib/types.ts';
import { LockIcon } from '../components/Icons.tsx';
import { PinPad, PIN_MAX } from './PinPad.tsx';

export function PinScreen({ surface }: { surface: Exclude<Surface, 'kiosk'> }) {
  const t = useT();
  const { info, profile } = useAppData();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const change = (next: string) => {
    setPin(next);
    setError(null);
  };

  const submit = async () => {
    if (busy) return;
    if (pin.length < 4) {
      setError(t('pin.tooShort'));
      return;
    }
    setBusy(true);
    try {
      await signIn(pin, surface);
      // Success: the session change swaps this screen for the shell; nothing more to do here.
    } catch (e) {
      setError(errorText(e));
      setPin('');
      setBusy(false);
    }
  };

  return (
    <main className="pin-screen">
      <div className="pin-card">
        <header className="pin-card__header">
          <LockIcon size={40} />
          <div>
            <h1 className="pin-card__title">{t('pin.title')}</h1>
            <p className="pin-card__surface" data-testid="pin-surface">{t(`surface.${surface}`)}</p>
            <p className="pin-card__store">{profile.name}</p>
          </div>
        </header>

        <p className="pin-card__prompt" id="pin-prompt">{t('pin.prompt')}</p>
        <div className="pin-dots" aria-live="polite" aria-label={t('pin.entered', { count: pin.length })} data-testid="pin-dots">
          {Array.from({ length: Math.max(4, Math.min(PIN_MAX, pin.length)) }, (_, i) => (
            <span key={i} className={`pin-dots__dot${i < pin.length ? ' pin-dots__dot--on' : ''}`} />
          ))}
        </div>

        <p className="pin-card__error" role="alert" data-testid="pin-error">{error ?? ''}</p>

        <PinPad value={pin} onChange={change} onSubmit={() => void submit()} disabled={busy} />

        <button type="button" className="btn btn--primary btn--block" onClick={() => void submit()} disabled={busy || pin.length === 0} data-testid="pin-submit">
          {busy ? t('pin.signingIn') : t('pin.submit')}
        </button>

        {/* Only a kiosk terminal has a kiosk to go back to; a POS or office terminal stays put. */}
        {info.surface === 'kiosk' && (
          <a className="pin-card__back" href={hrefFor('kiosk')}>{t('pin.toKiosk')}</a>
        )}
      </div>
    </main>
  );
}
