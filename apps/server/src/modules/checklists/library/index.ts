import type { LibraryChecklist } from './common.ts';
import { FIRE_CHECKLIST } from './fire.ts';
import { EMERGENCY_CHECKLIST } from './emergency.ts';
import { URBAN_CHECKLIST } from './urban.ts';
import { MARKET_CHECKLIST } from './market.ts';
import { HOUSING_CHECKLIST } from './housing.ts';
import { POLICE_CHECKLIST } from './police.ts';
import { ECOLOGY_CHECKLIST } from './ecology.ts';

export type { LibraryChecklist } from './common.ts';

/** The built-in library, one checklist per department, in the order the combined form lists them. */
export const CHECKLIST_LIBRARY: readonly LibraryChecklist[] = [
  FIRE_CHECKLIST,
  EMERGENCY_CHECKLIST,
  POLICE_CHECKLIST,
  URBAN_CHECKLIST,
  MARKET_CHECKLIST,
  HOUSING_CHECKLIST,
  ECOLOGY_CHECKLIST,
];
