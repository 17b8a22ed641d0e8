import { closeOutRate, inspectionRate, type HazardLevel, type HazardStatus, type RectificationMode, type SiteColour, type SiteKind } from '@anxun/contracts';
import { isOverdue, siteColour } from '../colours/colour.ts';

/**
 * The simulation's own bookkeeping: what it did, kept in memory as it went. The ground-truth totals
 * are computed from this, never from the tables the dashboard reads, so the two can be compared.
 */
export interface LedgerSite {
  id: string;
  kind: SiteKind;
  village: string;
  squad: string;
  inspected: boolean;
  suspended: boolean;
  yellowCards: { deadline: string }[];
  hazards: LedgerHazard[];
}

export interface LedgerHazard {
  id: string;
  level: HazardLevel;
  mode: RectificationMode;
  status: HazardStatus;
  deadline: string | null;
  extended: boolean;
}

export interface Figures {
  sitesInScope: number;
  sitesInspected: number;
  inspectionRate: number | null;
  hazardsFound: number;
  hazardsClosed: number;
  closeOutRate: number | null;
}

export interface UnitFigures extends Figures {
  name: string;
}

export interface Totals extends Figures {
  /** The instant the figures hold for. */
  asOf: string;
  hazardsOverdue: number;
  openMajorHazards: number;
  hazardsByMode: Record<RectificationMode, number>;
  extensionsRequested: number;
  extensionsApproved: number;
  yellowCards: number;
  suspensions: number;
  sitesByColour: Record<SiteColour, number>;
  villages: { count: number; top: UnitFigures[]; bottom: UnitFigures[] };
  squads: UnitFigures[];
}

export class Ledger {
  readonly sites = new Map<string, LedgerSite>();
  readonly hazards = new Map<string, LedgerHazard & { siteId: string }>();
  extensionsRequested = 0;
  extensionsApproved = 0;

  addSite(site: Omit<LedgerSite, 'inspected' | 'suspended' | 'yellowCards' | 'hazards'>) {
    this.sites.set(site.id, { ...site, inspected: false, suspended: false, yellowCards: [], hazards: [] });
  }

  addHazard(siteId: string, hazard: LedgerHazard) {
    const site = this.sites.get(siteId)!;
    site.hazards.push(hazard);
    this.hazards.set(hazard.id, Object.assign(hazard, { siteId }));
  }

  totals(asOf: Date, top = 3): Totals {
    const all = [...this.sites.values()];
    const found = all.flatMap((s) => s.hazards).filter((h) => h.status !== 'cancelled');
    const open = found.filter((h) => h.status === 'open' || h.status === 'pending_review');
    const sitesByColour: Record<SiteColour, number> = { grey: 0, green: 0, yellow: 0, orange: 0, red: 0, black: 0 };
    for (const s of all) sitesByColour[colourOf(s, asOf)] += 1;
    const hazardsByMode: Record<RectificationMode, number> = { immediate: 0, centralised: 0, deadline: 0 };
    for (const h of found) hazardsByMode[h.mode] += 1;
    const villages = groupFigures(all, (s) => s.village).sort(byInspectionThenCloseOut);
    return {
      asOf: asOf.toISOString(),
      ...figures(all),
      hazardsOverdue: open.filter((h) => isOverdue(h, asOf)).length,
      openMajorHazards: open.filter((h) => h.level === 'major').length,
      hazardsByMode,
      extensionsRequested: this.extensionsRequested,
      extensionsApproved: this.extensionsApproved,
      yellowCards: all.reduce((n, s) => n + s.yellowCards.length, 0),
      suspensions: all.filter((s) => s.suspended).length,
      sitesByColour,
      villages: { count: villages.length, top: villages.slice(0, top), bottom: villages.slice(-top).reverse() },
      squads: groupFigures(all, (s) => s.squad).sort(byInspectionThenCloseOut),
    };
  }
}

function colourOf(site: LedgerSite, asOf: Date): SiteColour {
  return siteColour({ suspended: site.suspended, inspected: site.inspected, hazards: site.hazards.filter((h) => h.status !== 'cancelled'), yellowCards: site.yellowCards.map((c) => ({ ...c, resolved: false })) }, asOf);
}

function figures(sites: readonly LedgerSite[]): Figures {
  const found = sites.flatMap((s) => s.hazards).filter((h) => h.status !== 'cancelled');
  const inspected = sites.filter((s) => s.inspected).length;
  const closed = found.filter((h) => h.status === 'closed').length;
  return {
    sitesInScope: sites.length,
    sitesInspected: inspected,
    inspectionRate: inspectionRate(inspected, sites.length),
    hazardsFound: found.length,
    hazardsClosed: closed,
    closeOutRate: closeOutRate(closed, found.length),
  };
}

function groupFigures(sites: readonly LedgerSite[], key: (s: LedgerSite) => string): UnitFigures[] {
  const groups = new Map<string, LedgerSite[]>();
  for (const s of sites) {
    const group = groups.get(key(s));
    if (group) group.push(s);
    else groups.set(key(s), [s]);
  }
  return [...groups].map(([name, members]) => ({ name, ...figures(members) }));
}

const byInspectionThenCloseOut = (a: UnitFigures, b: UnitFigures) =>
  (b.inspectionRate ?? -1) - (a.inspectionRate ?? -1) || (b.closeOutRate ?? -1) - (a.closeOutRate ?? -1) || a.name.localeCompare(b.name);
