// Runs: dom (renderer). Hash routing without a router library: `#/kiosk`, `#/pos/<panel>`,
// `#/admin/<panel>`. Hash routes work unchanged under Electron's protocol and the HTTP host,
// and need no server-side fallback.
import { useEffect, useState } from 'react';
import type { Surface } from './types.ts';

/** The staff surfaces, plus the customer-facing display that sits beside a till. */
export type RouteSurface = Surface | 'display';

export interface Route {
  surface: RouteSurface;
  /** The staff panel id after the surface (`#/admin/catalog` → 'catalog'); null for the default. */
  panel: string | null;
}

const surfaces: readonly RouteSurface[] = ['kiosk', 'pos', 'admin', 'display'];

export function parseHash(hash: string): Route | null {
  const [first, second] = hash.replace(/^#\/?/, '').split('/');
  const surface = surfaces.find((s) => s === first);
  if (!surface) return null;
  return { surface, panel: second ? decodeURIComponent(second) : null };
}

export function hrefFor(surface: RouteSurface, panel?: string): string {
  return panel ? `#/${surface}/${encodeURIComponent(panel)}` : `#/${surface}`;
}

export function navigate(surface: Surface, panel?: string): void {
  const next = hrefFor(surface, panel);
  if (window.location.hash !== next) window.location.hash = next;
}

/** The current route; an empty or unknown hash is replaced by the terminal's own surface. */
export function useRoute(fallback: Surface): Route {
  const read = () => parseHash(window.location.hash);
  const [route, setRoute] = useState<Route | null>(read);

  useEffect(() => {
    const onChange = () => setRoute(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);

  useEffect(() => {
    // replaceState, not a new entry: Back should not bounce through an empty hash.
    if (!route) {
      window.history.replaceState(null, '', hrefFor(fallback));
      setRoute({ surface: fallback, panel: null });
    }
  }, [route, fallback]);

  return route ?? { surface: fallback, panel: null };
}
