// Runs: dom (renderer). Product cards in an assistant answer: name, where it is (aisle, bay,
// shelf), price and stock, large enough to read from a step back; a tap opens the product's page
// with the store map.
import type { OpOutput } from '../../../../common/api/index.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useAppData } from '../../lib/AppContext.tsx';

type Product = OpOutput<'assistant.ask'>['products'][number];

function money(cents: number, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);
  } catch {
    return (cents / 100).toFixed(2);
  }
}

export function ProductCards({ products, onOpen }: { products: Product[]; onOpen?: (id: string) => void }) {
  const { t, locale } = useI18n();
  const { profile } = useAppData();
  return (
    <ul className="assistant__cards">
      {products.map((p) => (
        <li key={p.id} className="assistant__card" data-testid="assistant-product">
          <button type="button" className="assistant__card-open" onClick={() => onOpen?.(p.id)} disabled={!onOpen} data-testid="assistant-product-open">
          <span className="assistant__card-name" lang={locale === 'zh-CN' && p.name_zh ? 'zh-CN' : undefined}>{locale === 'zh-CN' && p.name_zh ? p.name_zh : p.name}</span>
          <span className="assistant__card-where" data-testid="assistant-product-where">
            <strong>{t('assistant.aisle', { aisle: p.aisle || '?' })}</strong>
            {p.aisle_name ? ` · ${p.aisle_name}` : ''}
            {p.bay ? ` · ${t('assistant.bay', { bay: p.bay })}` : ''}
            {p.shelf ? ` · ${t('assistant.shelf', { shelf: p.shelf })}` : ''}
          </span>
          <span className="assistant__card-meta">
            {p.promo_price_cents !== null ? (
              <>
                <strong>{money(p.promo_price_cents, profile.currency, locale)}</strong> <s>{money(p.price_cents, profile.currency, locale)}</s>
              </>
            ) : (
              <strong>{money(p.price_cents, profile.currency, locale)}</strong>
            )}
            {' · '}
            <span className={p.stock > 0 ? 'assistant__stock' : 'assistant__stock assistant__stock--out'}>{p.stock > 0 ? t('assistant.inStock') : t('assistant.outOfStock')}</span>
          </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
