// Runs: dom (renderer). Small pieces shared by search results and product pages: price (with the
// promotional price called out), stock level badge and the aisle / bay / shelf line.
import { useI18n } from '../i18n/index.tsx';
import { useAppData } from '../lib/AppContext.tsx';

/** At or below this many units a product shows "Low stock": enough to warn, not to alarm. */
export const LOW_STOCK_AT = 5;

export type StockLevel = 'in' | 'low' | 'out';

export function stockLevel(quantity: number): StockLevel {
  if (quantity <= 0) return 'out';
  return quantity <= LOW_STOCK_AT ? 'low' : 'in';
}

/** Money in the store's currency and the shopper's language ("$3.49", "US$3.49"). */
export function useMoney(): (cents: number) => string {
  const { locale } = useI18n();
  const { profile } = useAppData();
  let fmt: Intl.NumberFormat;
  try {
    fmt = new Intl.NumberFormat(locale, { style: 'currency', currency: profile.currency });
  } catch {
    // A malformed currency code in the profile must not blank the screen.
    fmt = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
  return (cents) => fmt.format(cents / 100);
}

export function Price({ cents, promoCents, size = 'md' }: { cents: number; promoCents: number | null; size?: 'md' | 'lg' }) {
  const { t } = useI18n();
  const money = useMoney();
  const onPromo = promoCents !== null && promoCents < cents;
  return (
    <div className={`price price--${size}${onPromo ? ' price--promo' : ''}`} data-testid="price">
      {onPromo ? (
        <>
          <span className="price__tag">{t('search.sale')}</span>
          <span className="price__now">{money(promoCents)}</span>
          <span className="price__was">
            <span className="ps-sr-only">{t('search.was')} </span>
            <s>{money(cents)}</s>
          </span>
        </>
      ) : (
        <span className="price__now">{money(cents)}</span>
      )}
    </div>
  );
}

export function StockBadge({ quantity }: { quantity: number }) {
  const { t } = useI18n();
  const level = stockLevel(quantity);
  const label = level === 'in' ? t('stock.in') : level === 'low' ? t('stock.low') : t('stock.out');
  return (
    <span className={`stock stock--${level}`} data-testid="stock">
      <span className="stock__dot" aria-hidden="true" />
      {label}
    </span>
  );
}

/** "Aisle A2 · Bay 3 · Shelf 3", leaving out the parts a product does not have. */
export function useLocationText(): (p: { aisle: string; bay: string; shelf: string }) => string {
  const { t } = useI18n();
  return ({ aisle, bay, shelf }) => {
    if (!aisle) return t('search.noLocation');
    const parts = [t('search.aisle', { aisle })];
    if (bay) parts.push(t('search.bay', { bay }));
    if (shelf) parts.push(t('search.shelf', { shelf }));
    return parts.join(' · ');
  };
}
