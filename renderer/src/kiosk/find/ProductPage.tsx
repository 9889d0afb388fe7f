// Runs: dom (renderer). One product on the kiosk: name, brand and size, price (promotion called
// out), stock, where it is (aisle / bay / shelf, in big type), the store map marking its aisle, and
// what shoppers in this store buy with it (only what is on the shelf, with its aisle).
import { useEffect, useState } from 'react';
import { call, isApiError } from '../../api.ts';
import { useI18n, useT } from '../../i18n/index.tsx';
import type { MessageKey } from '../../i18n/index.tsx';
import en from '../../i18n/en.json';
import type { OpOutput } from '../../../../common/api/index.ts';
import { BackIcon } from '../../components/Icons.tsx';
import { PinIcon } from '../../components/ProductSearch.tsx';
import { Price, StockBadge } from '../../components/ProductSearchFormat.tsx';
import { StoreMap, areaName, entranceOf } from '../../components/StoreMap.tsx';
import type { StoreMapData } from '../../components/StoreMap.tsx';

type Product = OpOutput<'catalog.product'>;
type Loaded = { state: 'loading' } | { state: 'ok'; product: Product } | { state: 'missing' } | { state: 'error' };

export function ProductPage({ id, map, onBack, onOpen }: { id: string; map: StoreMapData | null; onBack: () => void; onOpen?: (id: string) => void }) {
  const t = useT();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  useEffect(() => {
    let live = true;
    call('catalog.product', { id })
      .then((product) => live && setLoaded({ state: 'ok', product }))
      .catch((e: unknown) => {
        if (!live) return;
        if (isApiError(e) && e.code === 'NOT_FOUND') setLoaded({ state: 'missing' });
        else {
          console.warn('catalog.product failed', e);
          setLoaded({ state: 'error' });
        }
      });
    return () => {
      live = false;
    };
  }, [id]);

  return (
    <section className="pp" aria-labelledby="pp-title" data-testid="product-page">
      <div className="pp__top">
        <button type="button" className="btn btn--back" onClick={onBack} data-testid="product-back">
          <BackIcon size={32} />
          <span>{t('product.backToResults')}</span>
        </button>
        {loaded.state === 'ok' ? (
          <ProductTitle product={loaded.product} />
        ) : (
          <h2 id="pp-title" className="pp__state" role={loaded.state === 'loading' ? undefined : 'alert'} aria-busy={loaded.state === 'loading'}>
            {loaded.state === 'loading' ? t('product.loading') : loaded.state === 'missing' ? t('product.missing') : t('product.error')}
          </h2>
        )}
      </div>
      {loaded.state === 'ok' && <ProductDetails product={loaded.product} map={map} />}
      {loaded.state === 'ok' && onOpen && <AlsoBuy id={id} anchor={loaded.product.sku} onOpen={onOpen} />}
    </section>
  );
}

/** Known dietary codes are translated; a code we have no string for is shown tidied up. */
function useDietaryLabel(): (code: string) => string {
  const t = useT();
  return (code) => {
    const key = `dietary.${code}`;
    return key in en ? t(key as MessageKey) : code.replace(/_/g, ' ');
  };
}

function ProductTitle({ product: p }: { product: Product }) {
  // Names usually start with the brand, which has its own line above.
  const title = p.brand && p.name.toLowerCase().startsWith(p.brand.toLowerCase() + ' ') ? p.name.slice(p.brand.length + 1) : p.name;
  // In Chinese the Chinese name leads, the English one (the shelf label's) under it.
  const zh = useI18n().locale === 'zh-CN' && p.name_zh !== '';
  return (
    <div className="pp__title">
      <p className="pp__brand">{[p.brand, p.size].filter(Boolean).join(' · ')}</p>
      <h2 id="pp-title" className="pp__name" data-testid="product-name" lang={zh ? 'zh-CN' : undefined}>
        {zh ? p.name_zh : title}
      </h2>
      {zh && <p className="pp__brand" lang="en" data-testid="product-name-en">{title}</p>}
    </div>
  );
}

function ProductDetails({ product: p, map }: { product: Product; map: StoreMapData | null }) {
  const { t, locale } = useI18n();
  const dietaryLabel = useDietaryLabel();
  const total = p.stock.reduce((n, s) => n + s.quantity, 0);
  const aisleId = p.map_area?.id ?? p.aisle;
  const showMap = map !== null && map.areas.length > 0;
  const here = map ? entranceOf(map) : undefined;

  return (
    <div className={`pp__grid${showMap ? '' : ' pp__grid--nomap'}`}>
      <div className="pp__info">
        <div className="pp__buy">
          <Price cents={p.price_cents} promoCents={p.promo_price_cents} size="lg" />
          <StockBadge quantity={total} />
        </div>

        <div className="pp__where" data-testid="product-location">
          <PinIcon size={40} />
          <div>
            {p.aisle ? (
              <>
                <p className="pp__aisle" data-testid="product-aisle">{t('search.aisle', { aisle: p.aisle })}</p>
                {p.aisle_name && <p className="pp__aisle-name">{locale === 'zh-CN' && p.aisle_name_zh ? p.aisle_name_zh : p.aisle_name}</p>}
                <p className="pp__bay">{[p.bay && t('search.bay', { bay: p.bay }), p.shelf && t('search.shelf', { shelf: p.shelf })].filter(Boolean).join(' · ')}</p>
              </>
            ) : (
              <p className="pp__aisle">{t('product.askStaff')}</p>
            )}
          </div>
        </div>

        {p.dietary.length > 0 && (
          <ul className="pp__tags" aria-label={t('product.dietary')}>
            {p.dietary.map((d) => (
              <li key={d} className="pp__tag">
                {dietaryLabel(d)}
              </li>
            ))}
          </ul>
        )}
        {p.description && <p className="pp__desc">{p.description}</p>}
      </div>

      {showMap && (
        <figure className="pp__map">
          <StoreMap map={map} highlight={aisleId || null} />
          <figcaption className="pp__legend">
            {p.map_area && (
              <span className="pp__legend-item">
                <span className="pp__swatch pp__swatch--aisle" aria-hidden="true" />
                {t('map.legendAisle', { aisle: p.map_area.id })}
              </span>
            )}
            {here && (
              <span className="pp__legend-item">
                <span className="pp__swatch pp__swatch--you" aria-hidden="true" />
                {t('map.youAreHereAt', { place: areaName(here, locale) })}
              </span>
            )}
          </figcaption>
        </figure>
      )}
    </div>
  );
}

type Companions = OpOutput<'recommend.product'>;

/** "Shoppers also buy": hidden when there is nothing to suggest or the recommender is not there. */
function AlsoBuy({ id, anchor, onOpen }: { id: string; anchor: string; onOpen: (id: string) => void }) {
  const t = useT();
  const [data, setData] = useState<Companions | null>(null);
  useEffect(() => {
    let live = true;
    call('recommend.product', { id })
      .then((d) => live && setData(d))
      .catch((e: unknown) => console.warn('recommend.product failed', e));
    return () => {
      live = false;
    };
  }, [id]);
  if (!data || data.items.length === 0) return null;
  const open = (c: Companions['items'][number]) => {
    call('recommend.accept', { surface: 'kiosk_product', anchor, item: c.sku, modelVersion: data.modelVersion }).catch(() => undefined);
    onOpen(c.id);
  };
  return (
    <section className="pp__also" aria-labelledby="pp-also" data-testid="also-buy">
      <h3 id="pp-also">{t('product.alsoBuy')}</h3>
      <ul>
        {data.items.map((c) => (
          <li key={c.id}>
            <button type="button" className="pp__also-item" onClick={() => open(c)} data-testid="also-buy-item">
              <span className="pp__also-name">{c.name}</span>
              <span className="pp__also-where">{[c.aisle && t('search.aisle', { aisle: c.aisle }), c.shelf && t('search.shelf', { shelf: c.shelf })].filter(Boolean).join(' · ')}</span>
              <Price cents={c.priceCents} promoCents={c.promoPriceCents} />
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
