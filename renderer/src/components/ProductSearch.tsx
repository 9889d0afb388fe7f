// Runs: dom (renderer). Product search box + results, shared by the kiosk ("Find a product") and the
// POS item lookup: results as you type (debounced), department chips and "in stock only" from the
// response's facets, barcode scans opened directly, and friendly empty / no-results / error states.
// Everything the catalog returns is rendered as text by React: product data is never HTML.
import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../api.ts';
import { useI18n, useT } from '../i18n/index.tsx';
import type { MessageKey } from '../i18n/index.tsx';
import type { OpOutput } from '../../../common/api/index.ts';
import { OnScreenKeyboard } from './OnScreenKeyboard.tsx';
import { SearchIcon } from './Icons.tsx';
import { Price, StockBadge, useLocationText } from './ProductSearchFormat.tsx';
import { useBarcodeScanner } from './ProductSearchScanner.ts';
import './ProductSearch.css';

export type SearchResponse = OpOutput<'catalog.search'>;
/** `size` is read when the search response carries it (the product page always shows it). */
export type SearchHit = SearchResponse['results'][number] & { size?: string };

export interface ProductSearchProps {
  /** A result was tapped or a barcode scanned: show this product. */
  onOpen: (id: string) => void;
  /** Show the on-screen keyboard (kiosk). Staff terminals leave it off and use the real keyboard. */
  keyboard?: boolean;
  /** A scan matched nothing; the host should bring the search (and its notice) into view. */
  onScanMiss?: () => void;
}

/** Long enough to skip the keys of one word typed quickly, short enough to feel instant. */
const DEBOUNCE_MS = 120;
const RESULT_LIMIT = 30;
/** A typed (not scanned) all-digit query of this shape is treated as a barcode or SKU on Enter. */
const TYPED_CODE = /^\d{8,14}$/;

/** Shown when the box is empty or nothing matched. Labels are translated; the query is catalog English. */
const popular: ReadonlyArray<{ q: string; key: MessageKey }> = [
  { q: 'milk', key: 'search.popular.milk' },
  { q: 'bread', key: 'search.popular.bread' },
  { q: 'bananas', key: 'search.popular.bananas' },
  { q: 'eggs', key: 'search.popular.eggs' },
  { q: 'coffee', key: 'search.popular.coffee' },
  { q: 'batteries', key: 'search.popular.batteries' },
  { q: 'pain relief', key: 'search.popular.painRelief' },
  { q: 'paper towels', key: 'search.popular.paperTowels' },
];

type Results =
  | { status: 'idle' }
  | { status: 'loading'; last: SearchResponse | null }
  | { status: 'ok'; resp: SearchResponse }
  | { status: 'error' };

type Notice = { kind: 'unknownCode'; code: string } | { kind: 'scanFailed' } | null;

interface Filters {
  department: string | null;
  inStock: boolean;
}

/** Runs catalog.search for the latest query and filters, dropping answers to superseded queries. */
function useSearchResults(q: string, filters: Filters): Results {
  const [results, setResults] = useState<Results>({ status: 'idle' });
  const seq = useRef(0);
  const trimmed = q.trim();
  const { department, inStock } = filters;

  useEffect(() => {
    const id = ++seq.current;
    if (trimmed === '') {
      setResults({ status: 'idle' });
      return;
    }
    setResults((r) => ({ status: 'loading', last: r.status === 'ok' ? r.resp : r.status === 'loading' ? r.last : null }));
    const timer = window.setTimeout(() => {
      call('catalog.search', {
        q: trimmed.slice(0, 1000),
        limit: RESULT_LIMIT,
        ...(department !== null ? { department } : {}),
        ...(inStock ? { inStock: true } : {}),
      })
        .then((resp) => id === seq.current && setResults({ status: 'ok', resp }))
        .catch((e: unknown) => {
          console.warn('catalog.search failed', e);
          if (id === seq.current) setResults({ status: 'error' });
        });
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [trimmed, department, inStock]);

  return results;
}

/** Product names usually start with the brand; the card shows the brand on its own line instead. */
function withoutBrand(name: string, brand: string): string {
  return brand && name.toLowerCase().startsWith(brand.toLowerCase() + ' ') ? name.slice(brand.length + 1) : name;
}

export function ProductSearch({ onOpen, keyboard = false, onScanMiss }: ProductSearchProps) {
  const t = useT();
  const [q, setQ] = useState('');
  const [filters, setFilters] = useState<Filters>({ department: null, inStock: false });
  const [showKeyboard, setShowKeyboard] = useState(keyboard);
  const [notice, setNotice] = useState<Notice>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const results = useSearchResults(q, filters);

  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  const change = (next: string) => {
    setQ(next);
    setNotice(null);
  };

  /** Looks a barcode or SKU up and opens its product; several matches are listed instead. */
  const openCode = useCallback(
    (code: string) => {
      call('catalog.search', { q: code, limit: 5 })
        .then((r) => {
          const only = r.results.length === 1 ? r.results[0] : undefined;
          if (only && r.mode !== 'text') {
            setNotice(null);
            onOpen(only.id);
          } else if (r.results.length === 0) {
            setNotice({ kind: 'unknownCode', code });
            onScanMiss?.();
          } else {
            setQ(code);
          }
        })
        .catch((e: unknown) => {
          console.warn('barcode lookup failed', e);
          setNotice({ kind: 'scanFailed' });
          onScanMiss?.();
        });
    },
    [onOpen, onScanMiss],
  );

  useBarcodeScanner(
    useCallback(
      (code: string) => {
        // The scanner "typed" into the box too: take its digits back out.
        setQ((prev) => (prev.endsWith(code) ? prev.slice(0, -code.length) : prev));
        openCode(code);
      },
      [openCode],
    ),
  );

  const submit = () => {
    const typed = q.trim();
    if (TYPED_CODE.test(typed)) openCode(typed);
    else if (keyboard && typed !== '') setShowKeyboard(false);
  };

  const resp = results.status === 'ok' ? results.resp : results.status === 'loading' ? results.last : null;
  const filtered = filters.department !== null || filters.inStock;

  return (
    <div className={`ps${showKeyboard ? ' ps--keyboard' : ''}`}>
      <div className="ps__bar">
        <div className="ps__field">
          <SearchIcon size={32} />
          <input
            ref={inputRef}
            className="ps__input"
            type="search"
            aria-label={t('search.label')}
            value={q}
            placeholder={t('search.placeholder')}
            maxLength={200}
            autoComplete="off"
            autoCorrect="off"
            autoCapitalize="off"
            spellCheck={false}
            enterKeyHint="search"
            // The kiosk has its own keyboard: don't let the OS pop one up over it.
            inputMode={keyboard ? 'none' : 'search'}
            onChange={(e) => change(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                submit();
              } else if (e.key === 'Escape') change('');
            }}
            onPointerDown={() => keyboard && setShowKeyboard(true)}
            data-testid="search-input"
          />
          {q !== '' && (
            <button type="button" className="ps__clear" onMouseDown={(e) => e.preventDefault()} onClick={() => change('')} data-testid="search-clear">
              {t('search.clear')}
            </button>
          )}
        </div>
        {keyboard && (
          <button type="button" className="ps__kb-toggle" aria-pressed={showKeyboard} onClick={() => setShowKeyboard((s) => !s)} data-testid="keyboard-toggle">
            <KeyboardIcon />
            <span>{showKeyboard ? t('keyboard.hide') : t('keyboard.show')}</span>
          </button>
        )}
      </div>

      {resp && results.status !== 'idle' && <FilterBar resp={resp} filters={filters} onChange={setFilters} />}

      <div className="ps__body">
        <section className="ps__results" aria-label={t('search.results')} data-testid="search-results" data-status={results.status} data-answered={resp?.q ?? ''}>
          {notice && (
            <p className="ps__notice" role="alert" data-testid="search-notice">
              {notice.kind === 'unknownCode' ? t('search.unknownCode', { code: notice.code }) : t('search.scanFailed')}
            </p>
          )}
          <ResultsView q={q.trim()} results={results} resp={resp} filtered={filtered} onOpen={onOpen} onSearch={change} onClearFilters={() => setFilters({ department: null, inStock: false })} />
        </section>
        {keyboard && showKeyboard && (
          <div className="ps__keyboard">
            <OnScreenKeyboard value={q} onChange={change} onEnter={submit} />
          </div>
        )}
      </div>
    </div>
  );
}

function FilterBar({ resp, filters, onChange }: { resp: SearchResponse; filters: Filters; onChange: (f: Filters) => void }) {
  const t = useT();
  const departments = resp.facets.department.filter((d) => d.count > 0);
  // The chosen department stays visible even when the new answer's facets leave it out.
  if (filters.department !== null && !departments.some((d) => d.value === filters.department)) departments.unshift({ value: filters.department, count: 0 });
  const inStockCount = resp.facets.inStock.find((f) => f.value === 'in_stock')?.count;
  return (
    <div className="ps__filters">
      <button
        type="button"
        role="switch"
        aria-checked={filters.inStock}
        className="ps__switch"
        onClick={() => onChange({ ...filters, inStock: !filters.inStock })}
        data-testid="filter-in-stock"
      >
        <span className="ps__switch-track" aria-hidden="true"><span className="ps__switch-thumb" /></span>
        <span>{t('search.inStockOnly')}</span>
        {inStockCount !== undefined && !filters.inStock && <span className="ps__chip-count">{inStockCount}</span>}
      </button>
      {departments.length > 0 && (
        <div className="ps__chips" role="group" aria-label={t('search.departments')}>
          <button type="button" className="ps__chip" aria-pressed={filters.department === null} onClick={() => onChange({ ...filters, department: null })} data-testid="facet-all">
            {t('search.allDepartments')}
          </button>
          {departments.map((d) => (
            <button
              key={d.value}
              type="button"
              className="ps__chip"
              aria-pressed={filters.department === d.value}
              onClick={() => onChange({ ...filters, department: filters.department === d.value ? null : d.value })}
              data-testid="facet-department"
            >
              {d.value}
              {d.count > 0 && <span className="ps__chip-count">{d.count}</span>}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

interface ResultsViewProps {
  q: string;
  results: Results;
  resp: SearchResponse | null;
  filtered: boolean;
  onOpen: (id: string) => void;
  onSearch: (q: string) => void;
  onClearFilters: () => void;
}

function ResultsView({ q, results, resp, filtered, onOpen, onSearch, onClearFilters }: ResultsViewProps) {
  const t = useT();
  if (results.status === 'idle') {
    return (
      <div className="ps__state" data-testid="search-empty">
        <p className="ps__state-title">{t('search.empty.title')}</p>
        <p className="ps__state-text">{t('search.empty.text')}</p>
        <Suggestions onSearch={onSearch} />
      </div>
    );
  }
  if (results.status === 'error') {
    return (
      <div className="ps__state ps__state--error" role="alert" data-testid="search-error">
        <p className="ps__state-title">{t('search.error.title')}</p>
        <p className="ps__state-text">{t('search.error.text')}</p>
      </div>
    );
  }
  if (!resp) {
    return (
      <p className="ps__state ps__state--loading" aria-busy="true">
        {t('search.searching')}
      </p>
    );
  }
  if (resp.results.length === 0) {
    return (
      <div className="ps__state" data-testid="search-no-results">
        <p className="ps__state-title">{t('search.none.title', { q })}</p>
        <ul className="ps__tips">
          <li>{t('search.none.spelling')}</li>
          <li>{t('search.none.fewer')}</li>
          <li>{t('search.none.general')}</li>
        </ul>
        {filtered && (
          <button type="button" className="btn ps__clear-filters" onClick={onClearFilters} data-testid="clear-filters">
            {t('search.clearFilters')}
          </button>
        )}
        <Suggestions onSearch={onSearch} />
      </div>
    );
  }
  return (
    <>
      <p className="ps__count" aria-live="polite" data-testid="search-count">
        {t(resp.results.length === 1 ? 'search.count.one' : 'search.count', { count: resp.results.length })}
      </p>
      <ul className="ps__list" aria-busy={results.status === 'loading'}>
        {resp.results.map((hit) => (
          <li key={hit.id}>
            <ResultCard hit={hit} onOpen={onOpen} />
          </li>
        ))}
      </ul>
    </>
  );
}

function ResultCard({ hit, onOpen }: { hit: SearchHit; onOpen: (id: string) => void }) {
  const location = useLocationText();
  // In Chinese the product's Chinese name leads; the English one (what the shelf label says) follows.
  const zh = useI18n().locale === 'zh-CN' && hit.name_zh !== '';
  return (
    <button type="button" className="ps-hit" onClick={() => onOpen(hit.id)} data-testid="search-result" data-product-id={hit.id}>
      <span className="ps-hit__main">
        <span className="ps-hit__brand">
          {hit.brand}
          {hit.size ? ` · ${hit.size}` : ''}
        </span>
        <span className="ps-hit__name" lang={zh ? 'zh-CN' : undefined}>{zh ? hit.name_zh : withoutBrand(hit.name, hit.brand)}</span>
        {zh && <span className="ps-hit__alt" lang="en">{withoutBrand(hit.name, hit.brand)}</span>}
        <span className="ps-hit__where">
          <PinIcon />
          {location(hit)}
        </span>
      </span>
      <span className="ps-hit__side">
        <Price cents={hit.price_cents} promoCents={hit.promo_price_cents} />
        <StockBadge quantity={hit.stock} />
      </span>
    </button>
  );
}

function Suggestions({ onSearch }: { onSearch: (q: string) => void }) {
  const t = useT();
  return (
    <div className="ps__suggest">
      <p className="ps__suggest-title">{t('search.popular')}</p>
      <div className="ps__chips">
        {popular.map((p) => (
          <button key={p.q} type="button" className="ps__chip ps__chip--suggest" onClick={() => onSearch(p.q)} data-testid="search-suggestion">
            {t(p.key)}
          </button>
        ))}
      </div>
    </div>
  );
}

export function PinIcon({ size = 22 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2.2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M12 21s-7-6.2-7-11.5a7 7 0 0 1 14 0C19 14.8 12 21 12 21z" />
      <circle cx="12" cy="9.5" r="2.5" />
    </svg>
  );
}

function KeyboardIcon() {
  return (
    <svg width={28} height={28} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <rect x="2" y="6" width="20" height="12" rx="2" />
      <path d="M6 10h.01M10 10h.01M14 10h.01M18 10h.01M7 14h10" />
    </svg>
  );
}
