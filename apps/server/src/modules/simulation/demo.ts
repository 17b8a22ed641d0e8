import { and, asc, eq, isNotNull, like } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import type { Storage } from '../../platform/storage/index.ts';
import { areas } from '../areas/schema.ts';
import { sites } from '../sites/schema.ts';
import { departments, users } from '../users/schema.ts';
import { campaignMembers, campaignSites } from '../campaigns/schema.ts';
import { proposeBatch, signBatch } from '../campaigns/batches.ts';
import { addNailMilestone, completeNailMilestone, createNail, reportNailProgress, setNailDepartments, setNailSites } from '../nails/service.ts';
import { shanghaiDate } from '../calendar/service.ts';
import { GUALI_CODE } from '../demo/scales.ts';
import { simulateCampaign, type SimulationResult } from './engine.ts';
import { addDays } from './plan.ts';
import { loadActor } from './setup.ts';

export const DEMO_CAMPAIGN_DAYS = 14;

/** What a fresh start shows: a third of the town visited in the campaign's first two weeks. */
const DEMO_FRACTION = 0.3;

const at = (day: string, hour: number) => new Date(Date.parse(`${day}T00:00:00+08:00`) + hour * 3_600_000);

/**
 * The running campaign of the demo: the simulation over the 14 days before today (organisation,
 * assignments, targets, inspections, close-outs and a ranking snapshot every night), then the
 * command centre's key and dynamic nails with plans, milestones and progress, and three-batch
 * decisions with their sign-offs, all through the services and stamped on the days they happened.
 */
export async function seedDemoCampaign(database: Database, storage: Storage, options: { fraction?: number; log?: (line: string) => void; today?: string } = {}): Promise<SimulationResult> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const start = addDays(options.today ?? shanghaiDate(), -DEMO_CAMPAIGN_DAYS);
  const result = await simulateCampaign(database, {
    start,
    days: DEMO_CAMPAIGN_DAYS,
    seed: 'demo',
    fraction: options.fraction ?? DEMO_FRACTION,
    townCode: GUALI_CODE,
    storage,
    skipInspected: true,
    log,
  });
  const command = await loadActor(database, 'command');
  await seedNails(database, result.campaignId, command, start);
  await seedBatches(database, result.campaignId, command, start);
  log(`demo campaign: ${DEMO_CAMPAIGN_DAYS} days from ${start}, ${result.counts.inspections} inspections, nails and three batches in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

const ctxOf = (database: Database, actor: Actor, when: Date): RequestContext => ({ database, actor, ip: null, requestId: null, now: () => when });

type NailSeed = { kind: 'key' | 'dynamic'; day: number; title: string; description: string; target: string; measures: string; funds?: string; milestones: [title: string, dueDay: number, doneDay: number | null][]; progress: [day: number, progress: number, status: 'open' | 'in_progress' | 'resolved', note: string][] };

const NAILS: NailSeed[] = [
  {
    kind: 'key',
    day: 0,
    title: '人字顶厂房防火等级不足集中整治',
    description: '多家企业使用人字顶彩钢棚作生产车间，屋面为泡沫夹芯板，耐火等级不足，且与仓储未分隔。',
    target: '彩钢夹芯板全部更换为不燃材料，生产与仓储之间设置防火分隔',
    measures: '逐户排摸登记；统一采购岩棉夹芯板；分批停产改造；改造后消防验收',
    funds: '镇财政补助 30%，企业自筹 70%',
    milestones: [['完成排摸登记', 3, 3], ['首批改造完成', 10, 11], ['全部改造并验收', 40, null]],
    progress: [[4, 20, 'in_progress', '排摸完成，共涉及 23 家企业'], [11, 45, 'in_progress', '首批 9 家完成更换']],
  },
  {
    kind: 'key',
    day: 0,
    title: '消防通道违章搭建拆除',
    description: '部分村社出租房区域消防通道被违章搭建的雨棚、车棚占用，消防车无法通行。',
    target: '消防通道违章搭建全部拆除，通道净宽不少于 4 米',
    measures: '村社发函限期自拆；逾期由综合执法统一拆除；划线并设置禁停标志',
    milestones: [['限期自拆通知送达', 2, 2], ['统一拆除', 9, 8], ['划线标识', 20, null]],
    progress: [[3, 30, 'in_progress', '送达 56 份通知，已自拆 17 处'], [9, 70, 'in_progress', '统一拆除 31 处']],
  },
  {
    kind: 'key',
    day: 0,
    title: '出租房电动车飞线充电整治',
    description: '出租房楼道内电动车停放、飞线充电现象普遍，夜间火灾风险高。',
    target: '每个出租房集聚区建成集中充电点，楼道内不再停放和充电',
    measures: '建设集中充电棚；房东签订承诺书；网格员夜查',
    funds: '村级集体经济和房东分担',
    milestones: [['充电棚选址', 4, 5], ['充电棚建成', 12, null]],
    progress: [[6, 25, 'in_progress', '选址 12 处，开工 5 处']],
  },
  {
    kind: 'dynamic',
    day: 5,
    title: '三合一场所人员住宿清理',
    description: '排查中发现多处生产、仓储、住宿“三合一”场所，员工住在车间阁楼。',
    target: '三合一场所住人全部清出，另行安排宿舍',
    measures: '逐户告知；企业安排宿舍；复查确认',
    milestones: [['逐户告知', 7, 7], ['全部清出', 15, null]],
    progress: [[8, 50, 'in_progress', '已清出 14 处，剩余 13 处']],
  },
  {
    kind: 'dynamic',
    day: 9,
    title: '沿街商铺防盗窗封堵逃生口',
    description: '沿街商铺二层住人，防盗窗全封闭，无逃生出口。',
    target: '每户防盗窗设置可从内部开启的逃生口',
    measures: '统一改造方案；商户自行改造；村社验收',
    milestones: [['改造方案确定', 11, 10]],
    progress: [[12, 100, 'resolved', '42 户全部完成改造并验收']],
  },
];

async function seedNails(database: Database, campaignId: string, command: Actor, start: string) {
  const villages = await database.db.select().from(areas).where(and(eq(areas.level, 'village'), like(areas.path, '%' + GUALI_CODE + '/%'))).orderBy(asc(areas.code));
  const [fire] = await database.db.select({ id: departments.id }).from(departments).where(eq(departments.code, 'fire'));
  for (const [n, nail] of NAILS.entries()) {
    const village = villages[(n * 3) % villages.length]!;
    const day = addDays(start, nail.day);
    // The nails service takes "now" as an argument; the context's clock stamps the rest.
    const when = at(day, 9 + n / 10);
    const ctx = ctxOf(database, command, when);
    const plan = { target: nail.target, measures: nail.measures, responsible: `${village.name}书记，镇安全办督办`, ...(nail.funds ? { funds: nail.funds } : {}) };
    const created = await createNail(ctx, campaignId, { kind: nail.kind, title: nail.title, description: nail.description, areaId: village.id, plan }, when);
    const linked = await database.db.select({ id: sites.id }).from(sites).where(like(sites.areaPath, `${village.path}%`)).orderBy(asc(sites.name)).limit(4);
    await setNailSites(ctx, created.id, { siteIds: linked.map((s) => s.id) }, when);
    if (fire) await setNailDepartments(ctx, created.id, { departmentIds: [fire.id] }, when);
    for (const [title, dueDay] of nail.milestones) await addNailMilestone(ctx, created.id, { title, dueOn: addDays(start, dueDay) }, when);
    const detail = await reportNailProgress(ctx, created.id, { progress: 5, status: 'in_progress', note: '一案一策已制定，责任人已明确' }, when);
    const ids = new Map(detail.milestones.map((m) => [m.title, m.id]));
    // Milestones done and progress reports, each on its own day; none after yesterday.
    const events = [
      ...nail.milestones.filter(([, , done]) => done !== null && done < DEMO_CAMPAIGN_DAYS).map(([title, , done]) => ({ day: done!, run: (c: RequestContext, t: Date) => completeNailMilestone(c, created.id, ids.get(title)!, { doneOn: addDays(start, done!) }, t) })),
      ...nail.progress.map(([d, progress, status, note]) => ({ day: d, run: (c: RequestContext, t: Date) => reportNailProgress(c, created.id, { progress, status, note }, t) })),
    ].sort((a, b) => a.day - b.day);
    for (const [i, e] of events.entries()) {
      const t = at(addDays(start, e.day), 16 + i / 10);
      await e.run(ctxOf(database, command, t), t);
    }
  }
}

/** 三个一批 for enterprises of the first village: most signed off by all three, a few still waiting. */
async function seedBatches(database: Database, campaignId: string, command: Actor, start: string) {
  const villageOfficial = await loadActor(database, 'village');
  const villagePath = villageOfficial.scopePaths[0]!;
  const firms = await database.db
    .select({ id: sites.id, name: sites.name })
    .from(sites)
    .where(and(eq(sites.kind, 'enterprise'), like(sites.areaPath, `${villagePath}%`)))
    .orderBy(asc(sites.name))
    .limit(8);
  const batches = ['model', 'upgrade', 'upgrade', 'shutdown', 'upgrade', 'model', 'shutdown', 'upgrade'] as const;
  const reasons = { model: '消防设施完善，管理规范，作为样板示范', upgrade: '存在防火分隔不足等隐患，限期整改提升', shutdown: '违章搭建、三合一场所，无法整改，关停拆除' };
  for (const [i, firm] of firms.entries()) {
    const batch = batches[i]!;
    const day = addDays(start, 6 + (i % 6));
    const decision = await proposeBatch(ctxOf(database, villageOfficial, at(day, 10)), campaignId, { siteId: firm.id, batch, reason: reasons[batch] }, at(day, 10));
    const leader = await squadLeaderOf(database, campaignId, firm.id);
    const signers: [Actor | null, 'village_secretary' | 'liaison_cadre' | 'squad_leader'][] = [
      [villageOfficial, 'village_secretary'],
      [leader, 'squad_leader'],
      [command, 'liaison_cadre'],
    ];
    // The last two wait for signatures, so the page shows a queue too.
    const signing = i >= firms.length - 2 ? signers.slice(0, 3 - (firms.length - i)) : signers;
    for (const [k, [signer, role]] of signing.entries()) {
      if (!signer) continue;
      await signBatch(ctxOf(database, signer, at(day, 14 + k)), decision.id, { role, comment: '同意' }, at(day, 14 + k));
    }
  }
}

async function squadLeaderOf(database: Database, campaignId: string, siteId: string): Promise<Actor | null> {
  const [row] = await database.db
    .select({ userId: campaignMembers.userId })
    .from(campaignSites)
    .innerJoin(campaignMembers, eq(campaignMembers.unitId, campaignSites.squadId))
    .where(and(eq(campaignSites.campaignId, campaignId), eq(campaignSites.siteId, siteId), eq(campaignMembers.isLeader, true), isNotNull(campaignMembers.userId)));
  if (!row) return null;
  const [user] = await database.db.select({ username: users.username }).from(users).where(eq(users.id, row.userId!));
  return loadActor(database, user!.username);
}
