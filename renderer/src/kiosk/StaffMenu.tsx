// Runs: dom (renderer). The discreet "Staff" entry in the kiosk footer. Shoppers must not be
// offered the till and the back office (#19): one tap does nothing visible but a hint; staff press
// and hold it (or tap it three times quickly, for a keyboard) to open the POS and back-office
// links, which still lead to their PIN screens. Still a full 48 px touch target.
import { useRef, useState } from 'react';
import { useT } from '../i18n/index.tsx';
import { hrefFor } from '../lib/route.ts';
import { LockIcon } from '../components/Icons.tsx';

/** How long staff hold the button, and how many quick taps open it instead. */
export const STAFF_HOLD_MS = 800;
const STAFF_TAPS = 3;
const TAP_WINDOW_MS = 1500;

export function StaffMenu() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [hint, setHint] = useState(false);
  const hold = useRef<ReturnType<typeof setTimeout> | null>(null);
  const taps = useRef<number[]>([]);
  const held = useRef(false);

  const cancelHold = () => {
    if (hold.current) clearTimeout(hold.current);
    hold.current = null;
  };
  const onPointerDown = () => {
    held.current = false;
    cancelHold();
    hold.current = setTimeout(() => {
      held.current = true;
      setOpen(true);
    }, STAFF_HOLD_MS);
  };
  const onClick = () => {
    cancelHold();
    if (held.current) return; // the hold already opened it
    if (open) return setOpen(false);
    const now = Date.now();
    taps.current = [...taps.current.filter((at) => now - at < TAP_WINDOW_MS), now];
    if (taps.current.length >= STAFF_TAPS) {
      taps.current = [];
      setOpen(true);
    } else setHint(true);
  };

  return (
    <div className="staff-menu">
      {open && (
        <nav className="staff-menu__popover" aria-label={t('kiosk.staff')}>
          <a className="staff-menu__item" href={hrefFor('pos')}>{t('kiosk.staff.pos')}</a>
          <a className="staff-menu__item" href={hrefFor('admin')}>{t('kiosk.staff.admin')}</a>
        </nav>
      )}
      {hint && !open && <span className="staff-menu__hint" role="status">{t('kiosk.staff.hint')}</span>}
      <button
        type="button"
        className="staff-menu__toggle"
        aria-expanded={open}
        aria-label={open ? t('kiosk.staff.close') : undefined}
        onPointerDown={onPointerDown}
        onPointerUp={cancelHold}
        onPointerLeave={cancelHold}
        onClick={onClick}
        data-testid="staff-menu"
      >
        <LockIcon size={20} />
        <span>{t('kiosk.staff')}</span>
      </button>
    </div>
  );
}
