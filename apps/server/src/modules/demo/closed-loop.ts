import { randomUUID } from 'node:crypto';
import { asc, eq, inArray, like } from 'drizzle-orm';
import sharp from 'sharp';
import type { CheckItem, InspectionSubmission, Role } from '@anxun/contracts';
import type { Database } from '../../platform/db/client.ts';
import type { Storage } from '../../platform/storage/index.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { users, userScopes } from '../users/schema.ts';
import { areas } from '../areas/schema.ts';
import { sites } from '../sites/schema.ts';
import { loadCombinedForm } from '../checklists/queries.ts';
import { uploadSitePhoto } from '../photos/service.ts';
import { submitInspection } from '../inspections/service.ts';
import { actOnHazard } from '../hazards/service.ts';
import { suspendSite, issueYellowCard } from '../site-orders/service.ts';
import { shanghaiDate } from '../calendar/service.ts';

const day = 86_400_000;

async function actorOf(database: Database, username: string): Promise<Actor> {
  const [user] = await database.db.select().from(users).where(eq(users.username, username));
  if (!user) throw new Error(`demo user ${username} missing`);
  const scopes = await database.db.select({ path: areas.path }).from(userScopes).innerJoin(areas, eq(areas.id, userScopes.areaId)).where(eq(userScopes.userId, user.id));
  return { id: user.id, username, displayName: user.displayName, roles: user.roles as Role[], departmentId: user.departmentId, phone: user.phone, scopePaths: scopes.map((s) => s.path) };
}

const context = (database: Database, actor: Actor): RequestContext => ({ database, actor, ip: null, requestId: null });

/** An answer that passes the item, whatever its type. */
export function passing(item: CheckItem, photo: string) {
  const photos = item.photoRequired || item.answerType === 'photo' ? [photo] : [];
  if (item.answerType === 'number' && item.threshold) {
    const { op, value } = item.threshold;
    // The threshold names the failing side.
    return { checkItemId: item.id, value: op === '<' ? value : op === '<=' ? value + 1 : op === '>' ? value : value - 1, photos };
  }
  if (item.answerType === 'choice') return { checkItemId: item.id, choice: item.choices!.find((c) => !c.fails)!.value, photos };
  return { checkItemId: item.id, result: 'pass' as const, photos };
}

type Scenario = 'clean' | 'open' | 'overdue' | 'major' | 'review' | 'closed' | 'on_spot' | 'suspended' | 'cancelled' | 'carded';

/** How many sites of the first village get each story: every hazard state and all five colours. */
const PLAN: [Scenario, number][] = [
  ['clean', 30],
  ['open', 25],
  ['overdue', 12],
  ['major', 6],
  ['review', 10],
  ['closed', 20],
  ['on_spot', 6],
  ['suspended', 3],
  ['cancelled', 3],
  ['carded', 3],
];

/**
 * Runs a realistic slice of the closed loop through the real services — inspections, party
 * evidence, review, close-out, extensions, yellow cards, suspension — so a fresh start shows
 * hazards in every state and sites in all five colours.
 */
export async function seedClosedLoopDemo(database: Database, storage: Storage, log: (line: string) => void = () => {}) {
  const started = Date.now();
  const inspector = await actorOf(database, 'inspector');
  const admin = await actorOf(database, 'admin');
  const [village] = inspector.scopePaths;
  const candidates = await database.db.select().from(sites).where(like(sites.areaPath, `${village}%`)).orderBy(asc(sites.name)).limit(PLAN.reduce((n, [, k]) => n + k, 0));
  const image = await sharp({ create: { width: 480, height: 360, channels: 3, background: '#8a9bb0' } }).jpeg({ quality: 60 }).toBuffer();
  const partyPhones = new Set<string>();
  let index = 0;
  const counts: Record<string, number> = {};
  for (const [scenario, n] of PLAN) {
    for (let k = 0; k < n && index < candidates.length; k++, index++) {
      const site = candidates[index]!;
      const inspectorCtx = context(database, inspector);
      const photo = async (ctx = inspectorCtx) => (await uploadSitePhoto(ctx, storage, site.id, { fileName: 'demo.jpg', mimeType: 'image/jpeg', data: image })).key;
      const form = await loadCombinedForm(database.db, site);
      const items = form.groups.flatMap((g) => g.items);
      // Old enough that any default deadline (at most 30 working days) has passed.
      const daysAgo = scenario === 'overdue' ? 60 + k : 1 + (k % 10);
      const ended = new Date(Date.now() - daysAgo * day);
      const pick = (level: 'general' | 'major', mode: 'deadline' | 'immediate') => items.find((i) => i.answerType === 'pass_fail' && i.defaultLevel === level && i.defaultMode === mode) ?? items.find((i) => i.answerType === 'pass_fail')!;
      const failing = scenario === 'major' ? pick('major', 'deadline') : scenario === 'on_spot' ? pick('general', 'immediate') : pick('general', 'deadline');
      const evidence = await photo();
      const answers = items.map((item) => {
        if (scenario === 'clean' || scenario === 'suspended' || item.id !== failing.id) return passing(item, evidence);
        const hazard =
          scenario === 'major'
            ? { level: 'major' as const, mode: 'deadline' as const, treatmentPlan: { targetAndTasks: '消除重大火灾隐患', methodsAndMeasures: '拆除违规彩钢夹芯板，设置防火分隔', fundsAndMaterials: '企业自筹 15 万元', responsible: `${site.responsiblePerson ?? '企业负责人'}，镇消防专管员监督`, deadline: shanghaiDate(new Date(Date.now() + 40 * day)), safetyAndEmergency: '整改期间停用相关区域，配备灭火器并专人值守' } }
            : scenario === 'on_spot'
              ? { fixedOnSpotPhotos: [evidence] }
              : scenario === 'overdue'
                ? undefined
                : { deadline: shanghaiDate(new Date(Date.now() + (10 + k) * day)) };
        return { checkItemId: item.id, result: 'fail' as const, photos: [evidence], note: failing.text.slice(0, 60), ...(hazard ? { hazard } : {}) };
      });
      const body: InspectionSubmission = {
        id: randomUUID(),
        siteId: site.id,
        startedAt: new Date(ended.getTime() - 25 * 60_000).toISOString(),
        endedAt: ended.toISOString(),
        gps: site.lng !== null && site.lat !== null ? { lng: site.lng + 0.0002, lat: site.lat + 0.0001, accuracy: 15 } : null,
        answers,
        signature: { imageKey: await photo(), signerName: site.responsiblePerson ?? '负责人', signerPhone: site.phone ?? '19900000000', signedAt: ended.toISOString() },
      };
      const { result } = await submitInspection(inspectorCtx, body as never);
      const hazardId = result.hazards[0]?.id;
      if (scenario === 'review' || scenario === 'closed') {
        const party = await partyActor(database, site.phone!, site.responsiblePerson, partyPhones);
        await actOnHazard(context(database, party), hazardId!, { action: 'submit_rectification', evidence: [await photo(context(database, party))] });
        if (scenario === 'closed') await actOnHazard(inspectorCtx, hazardId!, { action: 'approve', evidence: [await photo()] });
      }
      if (scenario === 'cancelled') await actOnHazard(context(database, admin), hazardId!, { action: 'cancel', reason: '录入错误，重复登记' });
      if (scenario === 'suspended') await suspendSite(context(database, admin), site.id, { reason: '存在重大火灾隐患，责令停业整改' });
      if (scenario === 'carded') await issueYellowCard(context(database, admin), site.id, { deadline: shanghaiDate(new Date(Date.now() + 7 * day)), reason: '隐患逾期未整改，发出黄牌警告' });
      counts[scenario] = (counts[scenario] ?? 0) + 1;
    }
  }
  log(`closed-loop demo: ${index} sites inspected (${Object.entries(counts).map(([s, n]) => `${s} ${n}`).join(', ')}) in ${Date.now() - started} ms`);
}

/** A party account for a site's phone, as SMS login would create it. */
async function partyActor(database: Database, phone: string, name: string | null, known: Set<string>): Promise<Actor> {
  const username = `party-${phone}`;
  if (!known.has(phone)) {
    const [existing] = await database.db.select({ id: users.id }).from(users).where(inArray(users.username, [username]));
    if (!existing) await database.db.insert(users).values({ id: randomUUID(), username, displayName: name ?? phone, phone, roles: ['party'], passwordHash: null });
    known.add(phone);
  }
  const [user] = await database.db.select().from(users).where(eq(users.username, username));
  return { id: user!.id, username, displayName: user!.displayName, roles: ['party'], departmentId: null, phone, scopePaths: [] };
}

