// Runs: dom (renderer). The kiosk's "Find a product" panel: the search screen, and a product's page
// over it. The search stays mounted underneath so Back returns to the same query, filters and
// scroll position, and a scan on the product page opens the next product straight away.
import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../../api.ts';
import { ProductSearch } from '../../components/ProductSearch.tsx';
import type { StoreMapData } from '../../components/StoreMap.tsx';
import type { KioskPanelProps } from '../panels.tsx';
import { ProductPage } from './ProductPage.tsx';
import './find.css';

export function FindPanel(_props: KioskPanelProps) {
  const [productId, setProductId] = useState<string | null>(null);
  const map = useStoreMap();
  const back = useCallback(() => setProductId(null), []);
  const searchRef = useRef<HTMLDivElement>(null);

  // Back on the search screen: the box gets the focus again, for a physical keyboard or scanner.
  useEffect(() => {
    if (productId === null) searchRef.current?.querySelector('input')?.focus();
  }, [productId]);

  return (
    <div className="find">
      <div ref={searchRef} className="find__search" hidden={productId !== null}>
        <ProductSearch keyboard onOpen={setProductId} onScanMiss={back} />
      </div>
      {productId && <ProductPage key={productId} id={productId} map={map} onBack={back} onOpen={setProductId} />}
    </div>
  );
}

/** The store map, fetched once per visit; without one the product page simply shows no map. */
export function useStoreMap(): StoreMapData | null {
  const [map, setMap] = useState<StoreMapData | null>(null);
  useEffect(() => {
    let live = true;
    call('catalog.storeMap', {})
      .then((m) => live && setMap(m))
      .catch((e: unknown) => console.warn('catalog.storeMap failed', e));
    return () => {
      live = false;
    };
  }, []);
  return map;
}
