import type { SiteKind } from '@anxun/contracts';
import { apportion } from './random.ts';

export const DEMO_SCALES = ['town', 'guali', 'city'] as const;
export type DemoScale = (typeof DEMO_SCALES)[number];

export type KindCounts = Record<SiteKind, number>;

export interface TownSpec {
  /** Official-style 12-digit division code. */
  code: string;
  name: string;
  /** The name without 镇/街道, as used in firm names ("杭州瓜沥…"). */
  short: string;
  villages: number;
  /** How many of the villages are urban communities (社区) rather than villages (村). */
  communities: number;
  grids: number;
  microGrids: number;
  sites: KindCounts;
  factoryInFactory: number;
}

export interface ScaleSpec {
  scale: DemoScale;
  district: { code: string; name: string };
  towns: TownSpec[];
}

export const DISTRICT = { code: '330109000000', name: '杭州市萧山区' } as const;
export const GUALI_CODE = '330109118000';

/** WGS-84 extents: the district, and Guali inside it. */
export const DISTRICT_BOX = { west: 120.15, south: 29.88, east: 120.62, north: 30.32 } as const;
export const GUALI_BOX = { west: 120.43, south: 30.16, east: 120.56, north: 30.27 } as const;

/**
 * Guali's 2022 campaign: 74 villages, 160 grids, 2,283 micro-grids; 2,906 enterprises (764 厂中厂),
 * 5,295 street shops and 17,232 rental rooms. Those three already sum to the 25,433 sites, so the
 * few high-rises and other places are taken out of the rental count to keep that total exact.
 */
const GUALI_HIGH_RISE = 40;
const GUALI_OTHER = 20;
const GUALI: TownSpec = {
  code: GUALI_CODE,
  name: '瓜沥镇',
  short: '瓜沥',
  villages: 74,
  communities: 9,
  grids: 160,
  microGrids: 2283,
  sites: {
    enterprise: 2906,
    street_shop: 5295,
    rental_housing: 17232 - GUALI_HIGH_RISE - GUALI_OTHER,
    high_rise: GUALI_HIGH_RISE,
    other: GUALI_OTHER,
  },
  factoryInFactory: 764,
};

const SMALL_TOWN: TownSpec = {
  ...GUALI,
  villages: 12,
  communities: 2,
  grids: 30,
  microGrids: 150,
  sites: { enterprise: 230, street_shop: 420, rental_housing: 1310, high_rise: 25, other: 15 },
  factoryInFactory: 60,
};

/** Xiaoshan's other towns and subdistricts (codes plausible, not official), with a rough size weight. */
const OTHER_TOWNS: readonly [code: string, name: string, weight: number][] = [
  ['330109001000', '城厢街道', 1.2],
  ['330109002000', '北干街道', 1.1],
  ['330109003000', '蜀山街道', 1.0],
  ['330109004000', '新塘街道', 1.1],
  ['330109005000', '宁围街道', 1.3],
  ['330109006000', '新街街道', 1.2],
  ['330109007000', '闻堰街道', 0.7],
  ['330109008000', '盈丰街道', 0.8],
  ['330109009000', '南阳街道', 0.9],
  ['330109010000', '靖江街道', 0.8],
  ['330109101000', '楼塔镇', 0.6],
  ['330109102000', '河上镇', 0.7],
  ['330109103000', '戴村镇', 0.8],
  ['330109104000', '浦阳镇', 0.9],
  ['330109105000', '进化镇', 0.9],
  ['330109106000', '临浦镇', 1.2],
  ['330109107000', '义桥镇', 1.0],
  ['330109108000', '所前镇', 0.8],
  ['330109119000', '衙前镇', 0.9],
  ['330109120000', '益农镇', 0.9],
  ['330109121000', '党湾镇', 1.0],
];
const CITY_VILLAGES = 2000;
const CITY_SITES = 1_000_000;

const KINDS: readonly SiteKind[] = ['enterprise', 'street_shop', 'rental_housing', 'high_rise', 'other'];
export const totalSites = (counts: KindCounts) => KINDS.reduce((sum, k) => sum + counts[k], 0);

/** The rest of the district, every town shaped like Guali (same ratios of grids, micro-grids and site kinds). */
function cityTowns(): TownSpec[] {
  const villages = apportion(CITY_VILLAGES - GUALI.villages, OTHER_TOWNS.map(([, , w]) => w), 1);
  const sites = apportion(CITY_SITES - totalSites(GUALI.sites), villages);
  const kindWeights = KINDS.map((k) => GUALI.sites[k]);
  return OTHER_TOWNS.map(([code, name], i) => {
    const v = villages[i]!;
    const grids = Math.max(v, Math.round((v * GUALI.grids) / GUALI.villages));
    const split = apportion(sites[i]!, kindWeights);
    const counts = Object.fromEntries(KINDS.map((k, j) => [k, split[j]!])) as KindCounts;
    return {
      code,
      name,
      short: name.replace(/(街道|镇)$/, ''),
      villages: v,
      communities: Math.round(v * (name.endsWith('街道') ? 0.5 : 0.12)),
      grids,
      microGrids: Math.max(grids, Math.round((grids * GUALI.microGrids) / GUALI.grids)),
      sites: counts,
      factoryInFactory: Math.round((counts.enterprise * GUALI.factoryInFactory) / GUALI.sites.enterprise),
    };
  });
}

export function scaleSpec(scale: DemoScale): ScaleSpec {
  const towns = scale === 'town' ? [SMALL_TOWN] : scale === 'guali' ? [GUALI] : [GUALI, ...cityTowns()];
  return { scale, district: { ...DISTRICT }, towns };
}
