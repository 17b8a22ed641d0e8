import type { RiskLevel, SiteDetail, SiteFlag, SiteKind, SiteWriteBody } from '@anxun/contracts';

export type CoordSystem = 'wgs84' | 'gcj02';

export interface SiteFormValues {
  kind: SiteKind;
  flags: SiteFlag[];
  name: string;
  creditCode?: string;
  address: string;
  areaId?: string;
  location?: { lng?: number | null; lat?: number | null };
  coordSystem: CoordSystem;
  responsiblePerson?: string;
  phone?: string;
  industry?: string;
  riskLevel?: RiskLevel | null;
  employees?: number | null;
  floorArea?: number | null;
}

const blank = (value: string | undefined | null) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

const num = (value: number | null | undefined) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

export function initialValues(site: SiteDetail | undefined): Partial<SiteFormValues> {
  if (!site) return { kind: 'enterprise', flags: [], coordSystem: 'wgs84' };
  return {
    kind: site.kind,
    flags: site.flags,
    name: site.name,
    creditCode: site.creditCode ?? undefined,
    address: site.address,
    areaId: site.areaId,
    location: site.location ? { lng: site.location.lng, lat: site.location.lat } : {},
    // Stored coordinates are WGS-84, so an edit starts from that system.
    coordSystem: 'wgs84',
    responsiblePerson: site.responsiblePerson ?? undefined,
    phone: site.phone ?? undefined,
    industry: site.industry ?? undefined,
    riskLevel: site.riskLevel,
    employees: site.employees,
    floorArea: site.floorArea,
  };
}

export function toBody(values: SiteFormValues): SiteWriteBody {
  const lng = num(values.location?.lng);
  const lat = num(values.location?.lat);
  return {
    kind: values.kind,
    flags: values.flags ?? [],
    name: values.name.trim(),
    creditCode: blank(values.creditCode)?.toUpperCase() ?? null,
    address: values.address.trim(),
    location: lng !== null && lat !== null ? { lng, lat } : null,
    coordSystem: values.coordSystem,
    areaId: values.areaId!,
    responsiblePerson: blank(values.responsiblePerson),
    phone: blank(values.phone),
    industry: blank(values.industry),
    riskLevel: values.riskLevel ?? null,
    employees: num(values.employees),
    floorArea: num(values.floorArea),
  };
}
