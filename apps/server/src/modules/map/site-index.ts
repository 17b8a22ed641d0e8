import { RISK_LEVELS, SITE_COLOURS, SITE_KINDS, type ColourCounts, type RiskLevel, type SiteColour, type SiteKind } from '@anxun/contracts';
import { cellIndex, cellWindow, MAX_CELLS, MAX_PINS, mercatorX, mercatorY, PIN_ZOOM, latOfMercatorY } from './rules.ts';

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

const COLOURS = SITE_COLOURS.length;
const REMOVED = 255;
const colourCode = new Map(SITE_COLOURS.map((c, i) => [c, i]));
const kindCode = new Map(SITE_KINDS.map((k, i) => [k, i]));
const riskCode = (r: RiskLevel | null) => (r === null ? 0 : RISK_LEVELS.indexOf(r) + 1);

export const zeroCounts = (): ColourCounts => Object.fromEntries(SITE_COLOURS.map((c) => [c, 0])) as ColourCounts;

/**
 * Every site as a few typed-array slots, so a viewport is one pass over memory instead of a scan
 * and sort in the database. The slots loaded first are in area-path order, so a scope is one
 * contiguous range found by binary search; sites added later sit in a tail scanned in full. A site
 * that moves to another area leaves its sorted slot (marked removed) for the tail.
 */
export class SiteIndex {
  private size = 0;
  /** Slots [0, sorted) are in area-path order (the load order). */
  private sorted = 0;
  private ids: string[] = [];
  private slotOf = new Map<string, number>();
  private lng = new Float64Array(0);
  private lat = new Float64Array(0);
  private mx = new Float64Array(0);
  private my = new Float64Array(0);
  private colour = new Uint8Array(0);
  private kind = new Uint8Array(0);
  private risk = new Uint8Array(0);
  private pathNo = new Uint32Array(0);
  private paths: string[] = [];
  private pathNoOf = new Map<string, number>();

  get count() {
    return this.size;
  }

  private grow(min: number) {
    if (min <= this.lng.length) return;
    const capacity = Math.max(min, Math.ceil(this.lng.length * 1.5), 1024);
    const copy = <T extends Float64Array | Uint8Array | Uint32Array>(old: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(old);
      return next;
    };
    this.lng = copy(this.lng, (n) => new Float64Array(n));
    this.lat = copy(this.lat, (n) => new Float64Array(n));
    this.mx = copy(this.mx, (n) => new Float64Array(n));
    this.my = copy(this.my, (n) => new Float64Array(n));
    this.colour = copy(this.colour, (n) => new Uint8Array(n));
    this.kind = copy(this.kind, (n) => new Uint8Array(n));
    this.risk = copy(this.risk, (n) => new Uint8Array(n));
    this.pathNo = copy(this.pathNo, (n) => new Uint32Array(n));
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

  /** Ends the path-ordered load: slots put so far are sorted by area path. */
  markSorted() {
    this.sorted = this.size;
  }

  /** Adds a site or rewrites its slot. */
  put(site: IndexedSite) {
    let slot = this.slotOf.get(site.id);
    if (slot !== undefined && slot < this.sorted && this.paths[this.pathNo[slot]!] !== site.areaPath) {
      this.colour[slot] = REMOVED;
      slot = undefined;
    }
    if (slot === undefined) {
      this.grow(this.size + 1);
      slot = this.size++;
      this.ids[slot] = site.id;
      this.slotOf.set(site.id, slot);
    }
    const located = site.lng !== null && site.lat !== null;
    this.lng[slot] = located ? site.lng! : NaN;
    this.lat[slot] = located ? site.lat! : NaN;
    this.mx[slot] = located ? mercatorX(site.lng!) : NaN;
    this.my[slot] = located ? mercatorY(site.lat!) : NaN;
    this.colour[slot] = colourCode.get(site.colour) ?? REMOVED;
    this.kind[slot] = kindCode.get(site.kind) ?? 0;
    this.risk[slot] = riskCode(site.riskLevel);
    this.pathNo[slot] = this.pathNumber(site.areaPath);
  }

  /** Returns false when the site is not in the index (it will arrive with the sites feed). */
  setColour(id: string, colour: SiteColour): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    this.colour[slot] = colourCode.get(colour)!;
    return true;
  }

  areaPathOf(id: string): string | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.paths[this.pathNo[slot]!];
  }

  query(q: IndexQuery): IndexAnswer {
    const win = cellWindow(q.bbox, q.zoom);
    const cells = win.cols * win.rows;
    if (cells > MAX_CELLS) throw new ViewportTooLarge(`${cells} cells`);
    // A prefix inside another would count its sites twice.
    const prefixes = [...new Set(q.prefixes)].filter((p, _, all) => !all.some((o) => o !== p && p.startsWith(o)));
    const under = (path: string) => prefixes.some((p) => path.startsWith(p));
    // Tail slots are checked per path; sorted slots only inside their prefix ranges.
    const tailPasses = new Map<number, boolean>();
    const ranges: [number, number][] = prefixes.map((p) => [this.lowerBound(p), this.lowerBound(`${p}\uffff`)]);
    ranges.push([this.sorted, this.size]);
    const wantKind = q.kind === undefined ? -1 : kindCode.get(q.kind)!;
    const wantRisk = q.riskLevel === undefined ? -1 : riskCode(q.riskLevel);
    const colourOn = new Uint8Array(COLOURS).fill(q.colours ? 0 : 1);
    for (const c of q.colours ?? []) colourOn[colourCode.get(c)!] = 1;
    const members = q.members ? new Uint8Array(this.size) : undefined;
    if (members) for (const id of q.members!) {
      const slot = this.slotOf.get(id);
      if (slot !== undefined) members[slot] = 1;
    }

    const legend = new Float64Array(COLOURS);
    const counts = new Uint32Array(cells * COLOURS);
    const total = new Uint32Array(cells);
    const sumX = new Float64Array(cells);
    const sumY = new Float64Array(cells);
    const first = new Int32Array(cells).fill(-1);
    const [w, s, e, n] = q.bbox;
    const allPins = Math.floor(q.zoom) >= PIN_ZOOM;
    const pinSlots: number[] = [];
    let unlocated = 0;
    let [minLng, minLat, maxLng, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [from, to] of ranges) for (let i = from; i < to; i++) {
      const c = this.colour[i]!;
      if (c === REMOVED) continue;
      if (i >= this.sorted) {
        const no = this.pathNo[i]!;
        let ok = tailPasses.get(no);
        if (ok === undefined) tailPasses.set(no, (ok = under(this.paths[no]!)));
        if (!ok) continue;
      }
      if (wantKind >= 0 && this.kind[i] !== wantKind) continue;
      if (wantRisk >= 0 && this.risk[i] !== wantRisk) continue;
      if (members && members[i] === 0) continue;
      legend[c]! += 1;
      if (colourOn[c] === 0) continue;
      const lng = this.lng[i]!;
      if (Number.isNaN(lng)) {
        unlocated += 1;
        continue;
      }
      const lat = this.lat[i]!;
      if (lng < minLng) minLng = lng;
      if (lng > maxLng) maxLng = lng;
      if (lat < minLat) minLat = lat;
      if (lat > maxLat) maxLat = lat;
      if (lng < w || lng > e || lat < s || lat > n) continue;
      const cell = cellIndex(win, this.mx[i]!, this.my[i]!);
      if (cell < 0) continue;
      counts[cell * COLOURS + c]! += 1;
      total[cell]! += 1;
      sumX[cell]! += this.mx[i]!;
      sumY[cell]! += this.my[i]!;
      if (first[cell] === -1) first[cell] = i;
      if (allPins && pinSlots.length <= MAX_PINS) pinSlots.push(i);
    }

    const bounds: IndexAnswer['bounds'] = minLng <= maxLng ? [minLng, minLat, maxLng, maxLat] : null;
    const answer: IndexAnswer = { clusters: [], pins: [], legend: toCounts(legend), unlocated, bounds };
    const pin = (slot: number) => ({
      id: this.ids[slot]!,
      lng: this.lng[slot]!,
      lat: this.lat[slot]!,
      colour: SITE_COLOURS[this.colour[slot]!]!,
      kind: SITE_KINDS[this.kind[slot]!]!,
    });
    if (allPins && pinSlots.length <= MAX_PINS) {
      answer.pins = pinSlots.map(pin);
      return answer;
    }
    let singles = 0;
    for (let cell = 0; cell < cells; cell++) {
      const k = total[cell]!;
      if (k === 0) continue;
      if (k === 1 && singles < MAX_PINS) {
        singles += 1;
        answer.pins.push(pin(first[cell]!));
        continue;
      }
      const cellCounts = zeroCounts();
      for (let c = 0; c < COLOURS; c++) cellCounts[SITE_COLOURS[c]!] = counts[cell * COLOURS + c]!;
      answer.clusters.push({ lng: (sumX[cell]! / k) * 360 - 180, lat: latOfMercatorY(sumY[cell]! / k), count: k, counts: cellCounts });
    }
    return answer;
  }

  /** First sorted slot whose area path is not below `path` (the sorted slots are in C-collation = code-unit order). */
  private lowerBound(path: string): number {
    let lo = 0;
    let hi = this.sorted;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.paths[this.pathNo[mid]!]! < path) lo = mid + 1;
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
