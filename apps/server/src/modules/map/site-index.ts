import { SITE_COLOURS, SITE_KINDS, type ColourCounts, type RiskLevel, type SiteColour, type SiteKind } from '@anxun/contracts';
import { cellWindow, GRID, gridCoord, MAX_CELLS, MAX_PINS, mercatorX, mercatorY, PIN_ZOOM, latOfMercatorY } from './rules.ts';
import { BLOCK, SiteBlocks } from './site-blocks.ts';
import { colourCode, COLOURS, kindCode, REMOVED, riskCode, SiteColumns } from './site-columns.ts';
import { Tally, tallyRange } from './site-tally.ts';

/** What the index keeps of a site: enough to filter, count and place it; names are read per pin. */
export interface IndexedSite {
  id: string;
  lng: number | null;
  lat: number | null;
  colour: SiteColour;
  kind: SiteKind;
  riskLevel: RiskLevel | null;
  areaPath: string;
}

export interface IndexQuery {
  /** Area-path prefixes a site must lie under (scope ∩ area filter); none = nothing. */
  prefixes: readonly string[];
  kind?: SiteKind | undefined;
  riskLevel?: RiskLevel | undefined;
  colours?: readonly SiteColour[] | undefined;
  /** Only these sites (department, campaign, squad filters), or every site when undefined. */
  members?: ReadonlySet<string> | undefined;
  bbox: readonly [number, number, number, number];
  zoom: number;
}

export interface IndexAnswer {
  clusters: { lng: number; lat: number; count: number; counts: ColourCounts }[];
  /** Single sites: their ids and positions; the caller adds names. */
  pins: { id: string; lng: number; lat: number; colour: SiteColour; kind: SiteKind }[];
  legend: ColourCounts;
  unlocated: number;
  bounds: [number, number, number, number] | null;
}

export class ViewportTooLarge extends Error {}

export const zeroCounts = (): ColourCounts => Object.fromEntries(SITE_COLOURS.map((c) => [c, 0])) as ColourCounts;

/**
 * Every site as a few typed-array slots, so a viewport is one pass over memory instead of a scan
 * and sort in the database. The slots loaded first are in area-path order, so a scope is one
 * contiguous range found by binary search, and blocks of them are summarised (site-blocks.ts);
 * sites added later sit in a tail read in full. A site that moves to another area leaves its
 * sorted slot (marked removed) for the tail.
 */
export class SiteIndex {
  private size = 0;
  /** Slots [0, sorted) are in area-path order (the load order). */
  private sorted = 0;
  private ids: string[] = [];
  private slotOf = new Map<string, number>();
  private readonly columns = new SiteColumns();
  private blocks: SiteBlocks | null = null;
  private paths: string[] = [];
  private pathNoOf = new Map<string, number>();

  get count() {
    return this.size;
  }

  private pathNumber(path: string): number {
    let no = this.pathNoOf.get(path);
    if (no === undefined) {
      no = this.paths.length;
      this.paths.push(path);
      this.pathNoOf.set(path, no);
    }
    return no;
  }

  /** Ends the path-ordered load: slots put so far are sorted by area path, and summarised in blocks. */
  markSorted() {
    this.sorted = this.size;
    this.blocks = new SiteBlocks(this.sorted);
    this.blocks.refreshAll(this.columns);
  }

  /** Adds a site or rewrites its slot. */
  put(site: IndexedSite) {
    const cols = this.columns;
    let slot = this.slotOf.get(site.id);
    if (slot !== undefined && slot < this.sorted && this.paths[cols.pathNo[slot]!] !== site.areaPath) {
      cols.colour[slot] = REMOVED;
      this.blocks?.touched(slot);
      slot = undefined;
    }
    if (slot === undefined) {
      cols.grow(this.size + 1);
      slot = this.size++;
      this.ids[slot] = site.id;
      this.slotOf.set(site.id, slot);
    }
    const located = site.lng !== null && site.lat !== null;
    cols.lng[slot] = located ? site.lng! : NaN;
    cols.lat[slot] = located ? site.lat! : NaN;
    cols.gx[slot] = located ? gridCoord(mercatorX(site.lng!)) : 0;
    cols.gy[slot] = located ? gridCoord(mercatorY(site.lat!)) : 0;
    cols.colour[slot] = colourCode.get(site.colour) ?? REMOVED;
    cols.kind[slot] = kindCode.get(site.kind) ?? 0;
    cols.risk[slot] = riskCode(site.riskLevel);
    cols.pathNo[slot] = this.pathNumber(site.areaPath);
    this.blocks?.touched(slot);
  }

  /** Returns false when the site is not in the index (it will arrive with the sites feed). */
  setColour(id: string, colour: SiteColour): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    this.columns.colour[slot] = colourCode.get(colour)!;
    this.blocks?.touched(slot);
    return true;
  }

  areaPathOf(id: string): string | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.paths[this.columns.pathNo[slot]!];
  }

  query(q: IndexQuery): IndexAnswer {
    const win = cellWindow(q.bbox, q.zoom);
    const cells = win.cols * win.rows;
    if (cells > MAX_CELLS) throw new ViewportTooLarge(`${cells} cells`);
    // A prefix inside another would count its sites twice.
    const prefixes = [...new Set(q.prefixes)].filter((p, _, all) => !all.some((o) => o !== p && p.startsWith(o)));
    // Sorted slots are read only inside their prefix ranges; tail slots are checked by path.
    const ranges: [number, number][] = prefixes.map((p) => [this.lowerBound(p), this.lowerBound(`${p}\uffff`)]);
    let tailPaths: Uint8Array | null = null;
    if (this.size > this.sorted) {
      tailPaths = new Uint8Array(this.paths.length);
      this.paths.forEach((path, no) => (tailPaths![no] = prefixes.some((p) => path.startsWith(p)) ? 1 : 0));
      ranges.push([this.sorted, this.size]);
    }
    const colourOn = new Uint8Array(COLOURS).fill(q.colours ? 0 : 1);
    for (const c of q.colours ?? []) colourOn[colourCode.get(c)!] = 1;
    let members: Uint8Array | null = null;
    if (q.members) {
      members = new Uint8Array(this.size);
      for (const id of q.members) {
        const slot = this.slotOf.get(id);
        if (slot !== undefined) members[slot] = 1;
      }
    }
    const tally = new Tally(win, q.bbox, {
      tailFrom: this.sorted,
      tailPaths,
      kind: q.kind === undefined ? -1 : kindCode.get(q.kind)!,
      risk: q.riskLevel === undefined ? -1 : riskCode(q.riskLevel),
      colourOn,
      members,
      allPins: Math.floor(q.zoom) >= PIN_ZOOM,
    });
    // Block summaries hold kind × colour; a risk or member filter reads every site.
    const summarised = tally.filter.risk < 0 && members === null;
    for (const [from, to] of ranges) {
      if (summarised && from < this.sorted) this.tallyBlocks(tally, from, to);
      else tallyRange(this.columns, tally, from, to);
    }
    return this.answer(tally);
  }

  /** Tallies sorted slots [from, to): whole blocks from their summaries where they allow it. */
  private tallyBlocks(tally: Tally, from: number, to: number) {
    const blocks = this.blocks!;
    let pending = from;
    for (let b = Math.ceil(from / BLOCK); ; b++) {
      const range = blocks.range(b);
      if (!range || range[1] > to) break;
      if (!blocks.apply(this.columns, b, tally)) continue;
      if (range[0] > pending) tallyRange(this.columns, tally, pending, range[0]);
      pending = range[1];
    }
    if (pending < to) tallyRange(this.columns, tally, pending, to);
  }

  private answer(tally: Tally): IndexAnswer {
    const { legend, counts, total, sumX, sumY, first, pinSlots, filter } = tally;
    const [minLng, minLat, maxLng, maxLat, unlocated] = tally.bounds as unknown as [number, number, number, number, number];
    const bounds: IndexAnswer['bounds'] = minLng <= maxLng ? [minLng, minLat, maxLng, maxLat] : null;
    const answer: IndexAnswer = { clusters: [], pins: [], legend: toCounts(legend), unlocated, bounds };
    const { lng, lat, colour, kind } = this.columns;
    const pin = (slot: number) => ({
      id: this.ids[slot]!,
      lng: lng[slot]!,
      lat: lat[slot]!,
      colour: SITE_COLOURS[colour[slot]!]!,
      kind: SITE_KINDS[kind[slot]!]!,
    });
    if (filter.allPins && pinSlots.length <= MAX_PINS) {
      answer.pins = pinSlots.map(pin);
      return answer;
    }
    let singles = 0;
    for (let cell = 0; cell < total.length; cell++) {
      const k = total[cell]!;
      if (k === 0) continue;
      if (k === 1 && singles < MAX_PINS) {
        singles += 1;
        const slot = first[cell]!;
        answer.pins.push(pin(slot >= 0 ? slot : this.blocks!.soleSlot(this.columns, -2 - slot, tally)));
        continue;
      }
      const cellCounts = zeroCounts();
      for (let c = 0; c < COLOURS; c++) cellCounts[SITE_COLOURS[c]!] = counts[cell * COLOURS + c]!;
      // Centres on the deepest grid: within a few metres of the sites' own mean position.
      const mx = (sumX[cell]! / k + 0.5) / GRID;
      const my = (sumY[cell]! / k + 0.5) / GRID;
      answer.clusters.push({ lng: mx * 360 - 180, lat: latOfMercatorY(my), count: k, counts: cellCounts });
    }
    return answer;
  }

  /** First sorted slot whose area path is not below `path` (the sorted slots are in C-collation = code-unit order). */
  private lowerBound(path: string): number {
    const pathNo = this.columns.pathNo;
    let lo = 0;
    let hi = this.sorted;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.paths[pathNo[mid]!]! < path) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function toCounts(values: Float64Array): ColourCounts {
  const out = zeroCounts();
  SITE_COLOURS.forEach((c, i) => (out[c] = values[i]!));
  return out;
}
