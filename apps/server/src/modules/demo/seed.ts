import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { AreaLevel, SiteKind } from '@anxun/contracts';
import type { Database, Executor, Tx } from '../../platform/db/client.ts';
import { areas, departments, sites, users, userScopes } from '../../platform/db/schema.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import type { PgTable } from 'drizzle-orm/pg-core';
import { write } from '../../platform/write.ts';
import { SYSTEM_ACTOR } from '../../platform/context.ts';
import { bulkInsert, restoreForeignKeyChecks, skipForeignKeyChecks, withoutSecondaryIndexes } from './bulk.ts';
import { allAreas, planAreas, DEFAULT_SEED, type AreaPlan } from './areas.ts';
import { generateSites, type DemoSite } from './sites.ts';
import { DEMO_DEPARTMENTS, DEMO_PASSWORD, DEMO_USERS, type DemoScope } from './accounts.ts';
import { totalSites, type DemoScale } from './scales.ts';
import { installChecklistLibrary } from '../checklists/install.ts';

export interface SeedOptions {
  scale: DemoScale;
  seed?: string;
  log?: (message: string) => void;
  /** Stop after this many sites (benchmarks); the default is the whole scale. */
  maxSites?: number;
}

export interface SeedResult {
  scale: DemoScale;
  areas: Record<AreaLevel, number>;
  sites: number;
  sitesByKind: Record<SiteKind, number>;
  departments: number;
  users: number;
  ms: number;
}

const ROWS_PER_STATEMENT = 2500;
const LOG_EVERY = 50_000;
const SEED_LOCK = 7305002;

/** True when no area exists yet, i.e. nothing has been set up (demo or real). */
export async function isDatabaseEmpty(db: Executor): Promise<boolean> {
  const rows = await db.select({ id: areas.id }).from(areas).limit(1);
  return rows.length === 0;
}

async function insertChunked<T extends PgTable>(tx: Tx, table: T, rows: readonly T['$inferInsert'][]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) await bulkInsert(tx, table, rows.slice(i, i + ROWS_PER_STATEMENT));
}

async function insertAreas(tx: Tx, plan: AreaPlan): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const rows = [...allAreas(plan)].map((a) => {
    const id = randomUUID();
    ids.set(a.code, id);
    return {
      id,
      parentId: a.parentCode === null ? null : ids.get(a.parentCode)!,
      level: a.level,
      code: a.code,
      name: a.name,
      path: a.path,
      centreLng: a.centre[0],
      centreLat: a.centre[1],
      boundary: a.boundary,
    };
  });
  await insertChunked(tx, areas, rows);
  return ids;
}

async function insertAccounts(tx: Tx, plan: AreaPlan, areaIds: Map<string, string>, party: DemoSite | undefined): Promise<number> {
  const deptIds = new Map(DEMO_DEPARTMENTS.map((d) => [d.code, randomUUID()]));
  await tx.insert(departments).values(DEMO_DEPARTMENTS.map((d) => ({ id: deptIds.get(d.code)!, ...d })));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const town = plan.towns[0]!;
  const scopeCode: Record<DemoScope, string | null> = {
    district: plan.district.code,
    town: town.area.code,
    first_village: town.villages[0]!.area.code,
    first_grid: town.grids[0]!.code,
    none: null,
  };
  const rows = DEMO_USERS.map((u) => ({
    id: randomUUID(),
    username: u.username,
    // The party is whoever the first site names as its responsible person.
    displayName: u.roles.includes('party') && party ? party.responsiblePerson : u.displayName,
    phone: u.phone,
    passwordHash,
    roles: u.roles,
    departmentId: u.department ? deptIds.get(u.department)! : null,
  }));
  await tx.insert(users).values(rows);
  const scopes = DEMO_USERS.flatMap((u, i) => {
    const code = scopeCode[u.scope];
    return code ? [{ userId: rows[i]!.id, areaId: areaIds.get(code)! }] : [];
  });
  await tx.insert(userScopes).values(scopes);
  return rows.length;
}

function siteRow(site: DemoSite, areaIds: Map<string, string>) {
  const { areaCode, ...columns } = site;
  return { id: randomUUID(), ...columns, areaId: areaIds.get(areaCode)! };
}

/** Drains the site stream into the table, ROWS_PER_STATEMENT at a time, never holding more than one batch. */
async function insertSites(tx: Tx, stream: Iterator<DemoSite>, limit: number, areaIds: Map<string, string>, progress: (done: number) => void) {
  const sitesByKind = { enterprise: 0, street_shop: 0, rental_housing: 0, high_rise: 0, other: 0 } satisfies Record<SiteKind, number>;
  let inserted = 0;
  while (inserted < limit) {
    const batch: ReturnType<typeof siteRow>[] = [];
    while (batch.length < ROWS_PER_STATEMENT && inserted + batch.length < limit) {
      const next = stream.next();
      if (next.done) break;
      sitesByKind[next.value.kind] += 1;
      batch.push(siteRow(next.value, areaIds));
    }
    if (batch.length === 0) break;
    await bulkInsert(tx, sites, batch);
    const before = inserted;
    inserted += batch.length;
    if (Math.floor(inserted / LOG_EVERY) > Math.floor(before / LOG_EVERY)) progress(inserted);
  }
  return { inserted, sitesByKind };
}

function countAreas(plan: AreaPlan): Record<AreaLevel, number> {
  const counts = { district: 1, town: 0, village: 0, grid: 0, micro_grid: 0 };
  for (const t of plan.towns) {
    counts.town += 1;
    counts.village += t.villages.length;
    counts.grid += t.grids.length;
    counts.micro_grid += t.microGrids.length;
  }
  return counts;
}

/**
 * Fills an empty database with a demo district: the area tree, departments, one account per role
 * and every site of the scale, streamed in batches. Refuses when areas already exist. Seed rows get
 * no audit events of their own (they are the initial state), only one summarising 'demo.seeded'.
 */
export async function seedDemo(database: Database, options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const plan = planAreas(options.scale, options.seed ?? DEFAULT_SEED);
  const planned = plan.towns.reduce((sum, t) => sum + totalSites(t.spec.sites), 0);
  const target = Math.min(planned, options.maxSites ?? Infinity);
  const areaCounts = countAreas(plan);
  log(`demo seed "${options.scale}": ${Object.values(areaCounts).reduce((a, b) => a + b, 0).toLocaleString('en')} areas, ${target.toLocaleString('en')} sites`);

  // The demo party is whoever the first site names; the stream is deterministic, so peek with a second one.
  const firstSite = generateSites(plan).next().value as DemoSite | undefined;
  let sitesStarted = 0;
  const progress = (done: number) => {
    const seconds = (performance.now() - sitesStarted) / 1000;
    log(`sites ${done.toLocaleString('en')} / ${target.toLocaleString('en')} (${Math.round(done / seconds).toLocaleString('en')}/s)`);
  };

  // One transaction, audit event included: a failed seed leaves nothing behind.
  const ctx = { database, actor: SYSTEM_ACTOR, ip: null, requestId: null };
  const result = await write(ctx, async ({ tx, audit }): Promise<SeedResult> => {
    // Two seeders (say, two server processes starting at once) must not interleave.
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    if (!(await isDatabaseEmpty(tx))) {
      throw new Error('Refusing to seed demo data: the areas table already has rows (demo data needs an empty database).');
    }
    // Every reference points at a row inserted just before, so the per-row checks are pure cost.
    const loadTables = [areas, departments, users, userScopes, sites];
    const skipped = await skipForeignKeyChecks(tx, loadTables);
    const areaIds = await withoutSecondaryIndexes(tx, areas, () => insertAreas(tx, plan));
    const userCount = await insertAccounts(tx, plan, areaIds, firstSite);
    // The built-in checklist library: one published checklist per demo department.
    const deptRows = await tx.select({ id: departments.id, code: departments.code }).from(departments);
    await installChecklistLibrary(tx, { departmentsByCode: new Map(deptRows.map((d) => [d.code, d.id])) });
    log(`areas and accounts in ${((performance.now() - started) / 1000).toFixed(1)} s${skipped ? ' (foreign-key checks skipped for the load)' : ''}`);
    sitesStarted = performance.now();
    const loaded = await withoutSecondaryIndexes(tx, sites, () => insertSites(tx, generateSites(plan), target, areaIds, progress));
    if (skipped) await restoreForeignKeyChecks(tx);
    const counts = {
      scale: options.scale,
      areas: areaCounts,
      sites: loaded.inserted,
      sitesByKind: loaded.sitesByKind,
      departments: DEMO_DEPARTMENTS.length,
      users: userCount,
    };
    audit({ action: 'demo.seeded', entityType: 'system', entityId: 'demo', after: { ...counts, seed: plan.seed } });
    return { ...counts, ms: 0 };
  });
  result.ms = Math.round(performance.now() - started);
  log(`demo seed done: ${result.sites.toLocaleString('en')} sites in ${(result.ms / 1000).toFixed(1)} s`);
  return result;
}
