// Runs: dom (renderer). On-screen numeric keypad for staff PINs: big keys for touch, and the
// physical keyboard works too (digits, Backspace, Escape, Enter) for counters with a keyboard.
import { useEffect, useRef } from 'react';
import { useT } from '../i18n/index.tsx';
import { BackspaceIcon } from '../components/Icons.tsx';

export const PIN_MAX = 8;

interface PinPadProps {
  value: string;
  onChange: (next: string) => void;
  onSubmit: () => void;
  disabled?: boolean;
}

const digitRows = [['1', '2', '3'], ['4', '5', '6'], ['7', '8', '9']];

export function PinPad({ value, onChange, onSubmit, disabled = false }: PinPadProps) {
  const t = useT();
  const press = (d: string) => {
    if (!disabled && value.length < PIN_MAX) onChange(value + d);
  };
  const backspace = () => !disabled && onChange(value.slice(0, -1));
  const clear = () => !disabled && onChange('');

  // Latest handlers in a ref so the keyboard listener is attached once.
  const handlers = useRef({ press, backspace, clear, onSubmit });
  useEffect(() => {
    handlers.current = { press, backspace, clear, onSubmit };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const h = handlers.current;
      if (/^\d$/.test(e.key)) h.press(e.key);
      else if (e.key === 'Backspace') h.backspace();
      else if (e.key === 'Escape') h.clear();
      else if (e.key === 'Enter') h.onSubmit();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="pinpad" role="group" aria-label={t('pin.prompt')}>
      {digitRows.map((row) =>
        row.map((d) => (
          <button key={d} type="button" className="pinpad__key" onClick={() => press(d)} disabled={disabled} data-testid={`pin-key-${d}`}>
            {d}
          </button>
        )),
      )}
      <button type="button" className="pinpad__key pinpad__key--aux" onClick={clear} disabled={disabled}>
        {t('pin.clear')}
      </button>
      <button type="button" className="pinpad__key" onClick={() => press('0')} disabled={disabled} data-testid="pin-key-0">
        0
      </button>
      <button type="button" className="pinpad__key pinpad__key--aux" onClick={backspace} disabled={disabled} aria-label={t('pin.backspace')}>
        <BackspaceIcon size={36} />
      </button>
    </div>
  );
}
