import { sql, type SQL } from 'drizzle-orm';
import type { ActivityItem } from '@anxun/contracts';
import type { Executor } from '../../platform/db/client.ts';
import { sites } from '../sites/schema.ts';
import { inspections } from '../inspections/schema.ts';
import { hazards } from '../hazards/schema.ts';
import { colourHistory } from '../colours/schema.ts';
import { suspensions, yellowCards } from '../site-orders/schema.ts';
import { hazardWhere, siteWhere, type Lens } from './queries.ts';

interface ActivityRow {
  kind: ActivityItem['kind'];
  at: Date | string;
  siteId: string;
  siteName: string;
  refId: string;
  text: string | null;
  level: ActivityItem['level'];
  colour: ActivityItem['colour'];
  previousColour: ActivityItem['previousColour'];
}

/**
 * Today's feed, newest first: visits, hazards found and closed, colour changes and orders at sites
 * in the lens. Each branch is bounded by the day and the limit before the union is sorted.
 */
export async function todaysActivity(db: Executor, lens: Lens, start: Date, end: Date, limit: number): Promise<ActivityItem[]> {
  const within = (at: SQL) => sql`${at} >= ${start} and ${at} < ${end}`;
  const site = sql`${sites.id} as "siteId", ${sites.name} as "siteName"`;
  const none = sql`null::text as "text", null::text as "level", null::text as "colour", null::text as "previousColour"`;
  // The same total order inside each branch and outside, so the branches' top rows hold the feed's top rows.
  const branch = (body: SQL) => sql`(${body} order by 2 desc, 5 desc limit ${limit})`;
  const branches = [
    branch(sql`select ${inspections.kind}::text as kind, ${inspections.endedAt} as at, ${site}, ${inspections.id}::text as "refId", ${none}
      from ${inspections} join ${sites} on ${sites.id} = ${inspections.siteId} where ${siteWhere(lens)} and ${within(sql`${inspections.endedAt}`)}`),
    branch(sql`select 'hazard_found', ${hazards.foundAt}, ${site}, ${hazards.id}::text, ${hazards.description}, ${hazards.level}, null, null
      from ${hazards} join ${sites} on ${sites.id} = ${hazards.siteId} where ${hazardWhere(lens)} and ${within(sql`${hazards.foundAt}`)}`),
    branch(sql`select 'hazard_closed', ${hazards.closedAt}, ${site}, ${hazards.id}::text, ${hazards.description}, ${hazards.level}, null, null
      from ${hazards} join ${sites} on ${sites.id} = ${hazards.siteId} where ${hazardWhere(lens)} and ${hazards.status} = 'closed' and ${within(sql`${hazards.closedAt}`)}`),
    branch(sql`select 'colour_changed', ${colourHistory.at}, ${site}, ${colourHistory.id}::text, null, null, ${colourHistory.colour}, ${colourHistory.previous}
      from ${colourHistory} join ${sites} on ${sites.id} = ${colourHistory.siteId} where ${siteWhere(lens)} and ${within(sql`${colourHistory.at}`)}`),
    branch(sql`select 'yellow_card_issued', ${yellowCards.issuedAt}, ${site}, ${yellowCards.id}::text, ${yellowCards.number}, null, null, null
      from ${yellowCards} join ${sites} on ${sites.id} = ${yellowCards.siteId} where ${siteWhere(lens)} and ${within(sql`${yellowCards.issuedAt}`)}`),
    branch(sql`select 'yellow_card_resolved', ${yellowCards.resolvedAt}, ${site}, ${yellowCards.id}::text, ${yellowCards.number}, null, null, null
      from ${yellowCards} join ${sites} on ${sites.id} = ${yellowCards.siteId} where ${siteWhere(lens)} and ${within(sql`${yellowCards.resolvedAt}`)}`),
    branch(sql`select 'suspended', ${suspensions.orderedAt}, ${site}, ${suspensions.id}::text, ${suspensions.reason}, null, null, null
      from ${suspensions} join ${sites} on ${sites.id} = ${suspensions.siteId} where ${siteWhere(lens)} and ${within(sql`${suspensions.orderedAt}`)}`),
    branch(sql`select 'suspension_lifted', ${suspensions.liftedAt}, ${site}, ${suspensions.id}::text, ${suspensions.liftReason}, null, null, null
      from ${suspensions} join ${sites} on ${sites.id} = ${suspensions.siteId} where ${siteWhere(lens)} and ${within(sql`${suspensions.liftedAt}`)}`),
  ];
  const result = await db.execute(sql`select * from (${sql.join(branches, sql` union all `)}) feed order by at desc, "refId" desc, kind desc limit ${limit}`);
  return (result as unknown as { rows: ActivityRow[] }).rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
}
