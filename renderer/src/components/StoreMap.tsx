// Runs: dom (renderer). The store floor plan from catalog.storeMap as SVG: every aisle and landmark,
// one aisle highlighted, "You are here" at the entrance (when the map has one) and a dashed walking
// line between them. Map units scale with the SVG, so it fits any box; labels are SVG text.
import type { OpOutput } from '../../../common/api/index.ts';
import { useI18n } from '../i18n/index.tsx';
import './StoreMap.css';

export type StoreMapData = OpOutput<'catalog.storeMap'>;
type Area = StoreMapData['areas'][number];

export interface StoreMapProps {
  map: StoreMapData;
  /** The aisle id to mark (e.g. "A2"); null shows the plain map. */
  highlight: string | null;
}

const PAD = 2;
/** A bold sans character's advance as a share of the font size (DejaVu Sans Bold, the kiosk's font); a CJK character is square. */
const CHAR_W = 0.62;
const CJK = /[\u3000-\u9fff\uff00-\uffef]/;

/** The text width of a label in ems. */
const ems = (s: string) => [...s].reduce((w, ch) => w + (CJK.test(ch) ? 1 : CHAR_W), 0);

/** An area's name in the reader's language, where the store has it. */
export function areaName(a: Area, locale: string): string {
  return locale === 'zh-CN' && a.name_zh ? a.name_zh : a.name;
}

/** An aisle's name written along its shelf, as big as the shelf allows (capped so it stays a label). */
function shelfLabelSize(name: string, w: number, h: number): number {
  const along = Math.max(w, h);
  const across = Math.min(w, h);
  return Math.min(2.2, (along * 0.9) / ems(name), across * 0.62);
}

/** Room the pin takes at the walkway end of the marked aisle, so it never covers the aisle's name. */
const PIN_ROOM = 6.5;

/** The landmark the kiosk stands at: the one with id "entrance", or else one named like it. */
export function entranceOf(map: StoreMapData): Area | undefined {
  const landmarks = map.areas.filter((a) => a.kind === 'landmark');
  return landmarks.find((a) => a.id === 'entrance') ?? landmarks.find((a) => /entrance|entry/i.test(a.name));
}

/** Splits a label into one or two lines and picks the biggest font (map units) that fits the box. */
function fitLabel(name: string, w: number, h: number, max: number): { lines: string[]; size: number } {
  const size = (lines: string[]) => {
    const longest = Math.max(...lines.map(ems));
    return Math.min(max, (w * 0.9) / longest, (h * 0.85) / (lines.length * 1.15));
  };
  let best = { lines: [name], size: size([name]) };
  const spaces = [...name.matchAll(/ /g)].map((m) => m.index);
  if (spaces.length > 0) {
    const mid = spaces.reduce((a, b) => (Math.abs(b - name.length / 2) < Math.abs(a - name.length / 2) ? b : a));
    const two = [name.slice(0, mid), name.slice(mid + 1)];
    if (size(two) > best.size) best = { lines: two, size: size(two) };
  }
  return best;
}

export function StoreMap({ map, highlight }: StoreMapProps) {
  const { t, locale } = useI18n();
  const nameOf = (a: Area) => areaName(a, locale);
  const aisles = map.areas.filter((a) => a.kind === 'aisle');
  const landmarks = map.areas.filter((a) => a.kind === 'landmark');
  const target = highlight ? aisles.find((a) => a.id === highlight) : undefined;
  const here = entranceOf(map);
  const label = target ? t('map.labelAisle', { aisle: target.id, name: nameOf(target) }) : t('map.label');

  // Walking line: out of the entrance, along the walkway below the aisle, then into it.
  let route: string | null = null;
  let you: { x: number; y: number; labelX: number; labelY: number } | null = null;
  if (here) {
    // The label goes just outside the door (below it, or above when the door is on the top edge),
    // where it cannot cover the counters beside the entrance.
    const below = here.y + here.h / 2 >= map.height / 2;
    you = { x: here.x + here.w / 2, y: here.y + here.h / 2, labelX: Math.max(0, here.x), labelY: below ? here.y + here.h + 4.8 : here.y - 1.6 };
    if (target) {
      const bottom = target.y + target.h;
      const walkway = Math.min(map.height - 1, bottom + 2.5);
      const ax = target.x + target.w / 2;
      route = `M ${you.x} ${you.y} V ${walkway} H ${ax} V ${bottom - 1}`;
    }
  }

  // Room for the "You are here" label when it sits outside the plan.
  const top = Math.min(-PAD, you ? you.labelY - 3 : 0);
  const bottom = Math.max(map.height + PAD, you ? you.labelY + 1 : 0);

  return (
    <svg
      className="smap"
      viewBox={`${-PAD} ${top} ${map.width + PAD * 2} ${bottom - top}`}
      role="img"
      aria-label={label}
      data-testid="store-map"
      data-highlight={target?.id ?? ''}
    >
      <rect className="smap__floor" x={-PAD / 2} y={-PAD / 2} width={map.width + PAD} height={map.height + PAD} rx={1.5} />

      {aisles.map((a) => {
        const on = a === target;
        // The marked aisle keeps its walkway end for the pin; its name takes the rest of the shelf.
        const vertical = a.h > a.w;
        const nameH = on && vertical ? a.h - PIN_ROOM : a.h;
        const nameW = on && !vertical ? a.w - PIN_ROOM : a.w;
        const name = nameOf(a);
        // Chinese on an upright shelf stands upright, one character under the next, as on signs;
        // Latin text is turned to run along it.
        const upright = vertical && CJK.test(name);
        return (
          <g key={a.id} className={`smap__aisle${on ? ' smap__aisle--on' : ''}`} data-testid={on ? 'map-aisle-highlighted' : undefined} data-aisle={a.id}>
            <title>{nameOf(a)}</title>
            {on && <rect className="smap__halo" x={a.x - 1} y={a.y - 1} width={a.w + 2} height={a.h + 2} rx={1.6} />}
            <rect className="smap__shelf" x={a.x} y={a.y} width={a.w} height={a.h} rx={0.8} />
            <text className="smap__aisle-id" x={a.x + a.w / 2} y={a.y - 1.1} fontSize={on ? 3 : 2.4} textAnchor="middle">
              {a.id}
            </text>
            {/* The aisle's name along the shelf, so a shopper can read the store without a legend. */}
            <text
              className="smap__aisle-name"
              fontSize={shelfLabelSize(name, nameW, nameH)}
              textAnchor="middle"
              dominantBaseline="central"
              style={upright ? { writingMode: 'vertical-rl', textOrientation: 'upright' } : undefined}
              transform={`translate(${a.x + nameW / 2} ${a.y + nameH / 2})${vertical && !upright ? ' rotate(-90)' : ''}`}
            >
              {name}
            </text>
          </g>
        );
      })}

      {/* Landmarks over aisles: where a map puts a counter across aisle ends, its name stays readable. */}
      {landmarks.map((a) => {
        // The kiosk's own landmark carries the "You are here" marker instead of its name.
        const fit = a === here ? { lines: [], size: 0 } : fitLabel(nameOf(a), a.w, a.h, 2.4);
        const lineH = fit.size * 1.15;
        const top = a.y + a.h / 2 - (lineH * fit.lines.length) / 2 + lineH * 0.8;
        return (
          <g key={a.id} className={`smap__landmark${a === here ? ' smap__landmark--here' : ''}`}>
            <rect x={a.x} y={a.y} width={a.w} height={a.h} rx={0.8} />
            <text x={a.x + a.w / 2} fontSize={fit.size} textAnchor="middle">
              {fit.lines.map((line, i) => (
                <tspan key={i} x={a.x + a.w / 2} y={top + i * lineH}>
                  {line}
                </tspan>
              ))}
            </text>
          </g>
        );
      })}

      {route && <path className="smap__route" d={route} />}

      {target && (
        <g
          className="smap__pin"
          transform={target.h > target.w ? `translate(${target.x + target.w / 2} ${target.y + target.h - PIN_ROOM / 2 + 0.6})` : `translate(${target.x + target.w - PIN_ROOM / 2} ${target.y + target.h / 2 + 0.6})`}
        >
          <path d="M0 2.4 C -1.6 0.4 -3 -0.9 -3 -2.6 A 3 3 0 0 1 3 -2.6 C 3 -0.9 1.6 0.4 0 2.4 Z" />
          <circle cy={-2.6} r={1.1} />
        </g>
      )}

      {you && (
        <g className="smap__you" data-testid="map-you-are-here">
          <circle className="smap__you-ring" cx={you.x} cy={you.y} r={2.4} />
          <circle className="smap__you-dot" cx={you.x} cy={you.y} r={1.3} />
          <text x={you.labelX} y={you.labelY} fontSize={2.8}>
            {t('map.youAreHere')}
          </text>
        </g>
      )}
    </svg>
  );
}
