import { RISK_LEVELS, SITE_COLOURS, SITE_KINDS, type RiskLevel } from '@anxun/contracts';

export const COLOURS = SITE_COLOURS.length;
export const KINDS = SITE_KINDS.length;
/** Colour code of a slot whose site moved away (its new slot is in the tail). */
export const REMOVED = 255;
export const colourCode = new Map(SITE_COLOURS.map((c, i) => [c, i]));
export const kindCode = new Map(SITE_KINDS.map((k, i) => [k, i]));
export const riskCode = (r: RiskLevel | null) => (r === null ? 0 : RISK_LEVELS.indexOf(r) + 1);

/** Every indexed site as one slot across typed arrays: what a viewport query reads per site. */
export class SiteColumns {
  /** WGS-84 position; NaN when the site has none. */
  lng = new Float64Array(0);
  lat = new Float64Array(0);
  /** Web Mercator position as the cell at the deepest zoom (rules.ts gridCoord). */
  gx = new Uint32Array(0);
  gy = new Uint32Array(0);
  colour = new Uint8Array(0);
  kind = new Uint8Array(0);
  risk = new Uint8Array(0);
  pathNo = new Uint32Array(0);

  get capacity() {
    return this.lng.length;
  }

  grow(min: number) {
    if (min <= this.capacity) return;
    const capacity = Math.max(min, Math.ceil(this.capacity * 1.5), 1024);
    const copy = <T extends Float64Array | Uint8Array | Uint32Array>(old: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(old);
      return next;
    };
    this.lng = copy(this.lng, (n) => new Float64Array(n));
    this.lat = copy(this.lat, (n) => new Float64Array(n));
    this.gx = copy(this.gx, (n) => new Uint32Array(n));
    this.gy = copy(this.gy, (n) => new Uint32Array(n));
    this.colour = copy(this.colour, (n) => new Uint8Array(n));
    this.kind = copy(this.kind, (n) => new Uint8Array(n));
    this.risk = copy(this.risk, (n) => new Uint8Array(n));
    this.pathNo = copy(this.pathNo, (n) => new Uint32Array(n));
  }
}
