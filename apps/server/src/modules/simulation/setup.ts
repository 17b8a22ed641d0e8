import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, inArray, like } from 'drizzle-orm';
import { SITE_KINDS, type Role } from '@anxun/contracts';
import type { Database } from '../../platform/db/client.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import { areas } from '../areas/schema.ts';
import { sites } from '../sites/schema.ts';
import { users, userScopes } from '../users/schema.ts';
import { createCampaign } from '../campaigns/service.ts';
import { addMember, createUnit } from '../campaigns/org.ts';
import { assignSites } from '../campaigns/assignments.ts';
import { DEMO_PASSWORD } from '../demo/accounts.ts';
import { personName } from '../demo/names.ts';
import { demoStaffPhone } from '../demo/identity.ts';
import type { Rng } from '../demo/random.ts';
import { planOrg } from './plan.ts';

export type SiteRow = Pick<typeof sites.$inferSelect, 'id' | 'kind' | 'name' | 'areaPath' | 'phone' | 'lng' | 'lat' | 'responsiblePerson' | 'inspectedAt'>;

export interface Village {
  id: string;
  code: string;
  name: string;
  path: string;
  inspector: Actor;
  teamId: string;
  squad: number;
}

export interface CampaignSetup {
  campaignId: string;
  town: { id: string; name: string; path: string };
  command: Actor;
  villages: Village[];
  squads: { id: string; name: string; leader: Actor }[];
  sites: SiteRow[];
  members: number;
}

/** Loads an account as the session would: roles and the paths of its scope areas. */
export async function loadActor(database: Database, username: string): Promise<Actor> {
  const [user] = await database.db.select().from(users).where(eq(users.username, username));
  if (!user) throw new Error(`账号不存在 Account ${username} missing (load the demo data first)`);
  const scopes = await database.db.select({ path: areas.path }).from(userScopes).innerJoin(areas, eq(areas.id, userScopes.areaId)).where(eq(userScopes.userId, user.id));
  return { id: user.id, username, displayName: user.displayName, roles: user.roles as Role[], departmentId: user.departmentId, phone: user.phone, scopePaths: scopes.map((s) => s.path) };
}

/** Field accounts of the campaign, as the command centre would register them; an existing one is reused. */
async function ensureAccount(database: Database, passwordHash: string, account: { username: string; displayName: string; phone: string; roles: Role[]; areaIds: string[] }): Promise<Actor> {
  const id = randomUUID();
  const inserted = await database.db
    .insert(users)
    .values({ id, username: account.username, displayName: account.displayName, phone: account.phone, roles: account.roles, passwordHash })
    .onConflictDoNothing({ target: users.username })
    .returning({ id: users.id });
  if (inserted.length > 0) await database.db.insert(userScopes).values(account.areaIds.map((areaId) => ({ userId: id, areaId })));
  return loadActor(database, account.username);
}

const context = (database: Database, actor: Actor, now: () => Date): RequestContext => ({ database, actor, ip: null, requestId: null, now });

/**
 * Sets the campaign up the way Guali's command centre did, through the campaign services: the
 * campaign over the town, 3 zones → squads → one team per village with its members (the team
 * leader holds the village's inspector account), and every site assigned to its village's team.
 */
export async function setUpCampaign(
  database: Database,
  options: { townCode: string; name: string; startsOn: string; endsOn: string; clock: () => Date; rng: Rng; log: (line: string) => void },
): Promise<CampaignSetup> {
  const [town] = await database.db.select().from(areas).where(eq(areas.code, options.townCode));
  if (!town) throw new Error(`镇街不存在 Town ${options.townCode} missing (load the demo data first)`);
  const villageRows = await database.db
    .select()
    .from(areas)
    .where(and(eq(areas.level, 'village'), like(areas.path, `${town.path}%`)))
    .orderBy(asc(areas.code));
  // A demo roster loaded just now must predate the campaign replayed in the past: the rankings count
  // a site from when it was registered. Real registrations (older than the start) are left alone.
  const registered = new Date(Date.parse(`${options.startsOn}T00:00:00+08:00`) - 86_400_000);
  await database.db.update(sites).set({ createdAt: registered }).where(and(like(sites.areaPath, `${town.path}%`), gt(sites.createdAt, registered)));
  const command = await loadActor(database, 'command');
  const cmd = context(database, command, options.clock);
  const campaign = await createCampaign(cmd, { name: options.name, areaId: town.id, startsOn: options.startsOn, endsOn: options.endsOn, siteKinds: [...SITE_KINDS] }, options.clock());

  const org = planOrg(villageRows.length, options.rng.fork('org'));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const unitId = async (body: Parameters<typeof createUnit>[2]) => (await createUnit(cmd, campaign.id, body)).units.find((u) => u.name === body.name && u.kind === body.kind)!.id;
  const staffPhone = (n: number) => demoStaffPhone(100 + n);

  const squads: CampaignSetup['squads'] = [];
  const villages: Village[] = [];
  let members = 0;
  for (const [z, zone] of org.zones.entries()) {
    const zoneId = await unitId({ kind: 'zone', name: zone.name, sortOrder: z });
    await addMember(cmd, zoneId, { name: personName(options.rng), duty: '片长', isLeader: true });
    members++;
    for (const s of zone.squads) {
      const plan = org.squads[s]!;
      const squadId = await unitId({ kind: 'squad', parentId: zoneId, name: plan.name, sortOrder: s });
      const leaderName = personName(options.rng);
      const leader = await ensureAccount(database, passwordHash, {
        username: `squad-${String(s + 1).padStart(2, '0')}`,
        displayName: `${plan.name}组长 ${leaderName}`,
        phone: staffPhone(s),
        roles: ['squad_leader'],
        areaIds: plan.villages.map((v) => villageRows[v]!.id),
      });
      await addMember(cmd, squadId, { name: leaderName, phone: leader.phone, duty: '组长', isLeader: true, userId: leader.id });
      members++;
      squads.push({ id: squadId, name: plan.name, leader });
      for (const v of plan.villages) {
        const area = villageRows[v]!;
        const teamId = await unitId({ kind: 'village_team', parentId: squadId, name: `${area.name}队`, areaId: area.id, sortOrder: v });
        const teamLeader = personName(options.rng);
        const inspector = await ensureAccount(database, passwordHash, {
          username: `insp-${area.code}`,
          displayName: `${area.name}检查员 ${teamLeader}`,
          phone: staffPhone(20 + v),
          roles: ['inspector'],
          areaIds: [area.id],
        });
        for (let m = 0; m < org.teamSizes[v]!; m++) {
          const lead = m === 0;
          await addMember(cmd, teamId, lead ? { name: teamLeader, phone: inspector.phone, duty: '队长', isLeader: true, userId: inspector.id } : { name: personName(options.rng), duty: m === 1 ? '村书记' : m === 2 ? '联络干部' : '检查员' });
          members++;
        }
        await assignSites(cmd, campaign.id, { unitId: teamId, areaId: area.id, onlyUnassigned: false }, options.clock());
        villages.push({ id: area.id, code: area.code, name: area.name, path: area.path, inspector, teamId, squad: squads.length - 1 });
      }
    }
  }
  options.log(`campaign: ${org.zones.length} zones, ${squads.length} squads, ${villages.length} village teams, ${members} members`);

  const siteRows = await database.db
    .select({ id: sites.id, kind: sites.kind, name: sites.name, areaPath: sites.areaPath, phone: sites.phone, lng: sites.lng, lat: sites.lat, responsiblePerson: sites.responsiblePerson, inspectedAt: sites.inspectedAt })
    .from(sites)
    .where(like(sites.areaPath, `${town.path}%`))
    // Ids are random; the demo's names, addresses and phones are not, so this order replays.
    .orderBy(asc(sites.areaPath), asc(sites.name), asc(sites.address), asc(sites.phone));
  return { campaignId: campaign.id, town: { id: town.id, name: town.name, path: town.path }, command, villages, squads, sites: siteRows, members };
}

/** A party account for a site's phone, as SMS login would create it on first use. */
export async function partyActor(database: Database, site: SiteRow, cache: Map<string, Actor>): Promise<Actor> {
  const phone = site.phone!;
  const known = cache.get(phone);
  if (known) return known;
  const username = `party-${phone}`;
  await database.db
    .insert(users)
    .values({ id: randomUUID(), username, displayName: site.responsiblePerson ?? phone, phone, roles: ['party'], passwordHash: null })
    .onConflictDoNothing({ target: users.username });
  const [user] = await database.db.select().from(users).where(inArray(users.username, [username]));
  const actor: Actor = { id: user!.id, username, displayName: user!.displayName, roles: ['party'], departmentId: null, phone, scopePaths: [] };
  cache.set(phone, actor);
  return actor;
}
