import { eq, lte, sql } from 'drizzle-orm';
import { OPEN_HAZARD_STATUSES, type SiteColour } from '@anxun/contracts';
import type { Executor } from '../../platform/db/client.ts';
import { sites } from '../sites/schema.ts';
import { hazards } from '../hazards/schema.ts';
import { suspensions, yellowCards } from '../site-orders/schema.ts';
import { colourHistory } from './schema.ts';
import { nextColourChangeAt, siteColour, type SiteColourState } from './colour.ts';

type ColourRow = {
  colour: SiteColour;
  inspected_at: string | Date | null;
  hazards: SiteColourState['hazards'] | null;
  cards: { deadline: string }[] | null;
  suspended: boolean;
};

/** The site's colour and everything the colour rule needs about it, in one statement. */
async function readColourRow(db: Executor, siteId: string): Promise<ColourRow | undefined> {
  const open = sql.join(
    OPEN_HAZARD_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  const result = await db.execute<ColourRow>(sql`
    select s.colour, s.inspected_at,
      (select json_agg(json_build_object('status', h.status, 'level', h.level, 'mode', h.mode, 'deadline', h.deadline))
         from ${hazards} h where h.site_id = s.id and h.status in (${open})) as hazards,
      (select json_agg(json_build_object('deadline', y.deadline))
         from ${yellowCards} y where y.site_id = s.id and y.resolved_at is null) as cards,
      exists (select 1 from ${suspensions} p where p.site_id = s.id and p.lifted_at is null) as suspended
    from ${sites} s where s.id = ${siteId}`);
  return (result as unknown as { rows: ColourRow[] }).rows[0];
}

function stateOf(row: ColourRow, inspectedAt: Date | null = null): SiteColourState {
  return {
    suspended: row.suspended,
    inspected: row.inspected_at !== null || inspectedAt !== null,
    hazards: row.hazards ?? [],
    yellowCards: (row.cards ?? []).map((c) => ({ deadline: c.deadline, resolved: false })),
  };
}

/** Everything the colour rule needs about one site, read in the caller's transaction. */
export async function loadColourState(db: Executor, siteId: string): Promise<SiteColourState | null> {
  const row = await readColourRow(db, siteId);
  return row ? stateOf(row) : null;
}

/**
 * Recomputes a site's colour from its records and stores it, with a history row when it changed.
 * Called in the same transaction as every change that can move the colour, and by the sweep.
 * `inspectedAt` records a visit in the same update (an inspection makes a grey site inspected).
 */
export async function refreshSiteColour(
  db: Executor,
  siteId: string,
  reason: string,
  now = new Date(),
  options: { inspectedAt?: Date } = {},
): Promise<{ colour: SiteColour; changed: boolean }> {
  // Lock the site row first, in its own statement: under READ COMMITTED the read below then takes
  // a fresh snapshot that includes whatever a concurrent change to this site committed while we
  // waited. Locking in the reading statement would re-check only the site row, not its hazards, and
  // two hazards closed at once could both leave the site yellow.
  await db.execute(sql`select 1 from ${sites} where id = ${siteId} for update`);
  const current = await readColourRow(db, siteId);
  if (!current) throw new Error(`site ${siteId} not found`);
  const state = stateOf(current, options.inspectedAt);
  const colour = siteColour(state, now);
  const dueAt = nextColourChangeAt(state, now);
  await db
    .update(sites)
    .set({ colour, colourDueAt: dueAt, ...(options.inspectedAt ? { inspectedAt: options.inspectedAt } : {}) })
    .where(eq(sites.id, siteId));
  if (colour === current.colour) return { colour, changed: false };
  await db.insert(colourHistory).values({ siteId, colour, previous: current.colour, reason, at: now });
  return { colour, changed: true };
}

/** Sites whose colour may have changed by time alone (a deadline or yellow card passing). */
export async function sitesDueForColour(db: Executor, now: Date, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: sites.id })
    .from(sites)
    .where(lte(sites.colourDueAt, now))
    .orderBy(sites.colourDueAt)
    .limit(limit);
  return rows.map((r) => r.id);
}

export async function colourHistoryOf(db: Executor, siteId: string) {
  return db.select().from(colourHistory).where(eq(colourHistory.siteId, siteId)).orderBy(sql`${colourHistory.at} desc`).limit(200);
}
