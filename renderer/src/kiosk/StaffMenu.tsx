// Runs: dom (renderer). The discreet "Staff" link in the kiosk footer: small enough that shoppers
// ignore it, still a full 48 px touch target. It opens the POS or back-office PIN screen.
import { useState } from 'react';
import { useT } from '../i18n/index.tsx';
import { hrefFor } from '../lib/route.ts';
import { LockIcon } from '../components/Icons.tsx';

export function StaffMenu() {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <div className="staff-menu">
      {open && (
        <nav className="staff-menu__popover" aria-label={t('kiosk.staff')}>
          <a className="staff-menu__item" href={hrefFor('pos')}>{t('kiosk.staff.pos')}</a>
          <a className="staff-menu__item" href={hrefFor('admin')}>{t('kiosk.staff.admin')}</a>
        </nav>
      )}
      <button
        type="button"
        className="staff-menu__toggle"
        aria-expanded={open}
        aria-label={open ? t('kiosk.staff.close') : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        <LockIcon size={20} />
        <span>{t('kiosk.staff')}</span>
      </button>
    </div>
  );
}
