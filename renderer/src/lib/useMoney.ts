// Runs: dom (renderer). Cents as money in the store's currency and the screen's language
// ("$12.34", "¥12.34", "12,34 €"); plain digits if the currency code is unknown to the browser.
import { useCallback } from 'react';
import { useI18n } from '../i18n/index.tsx';

export function useMoney(currency: string): (cents: number) => string {
  const { locale } = useI18n();
  return useCallback(
    (cents: number) => {
      try {
        return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);
      } catch {
        return (cents / 100).toFixed(2);
      }
    },
    [locale, currency],
  );
}
