import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { CheckItem, InspectionSubmission, SiteKind } from '@anxun/contracts';
import type { Database } from '../../platform/db/client.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import type { Storage } from '../../platform/storage/index.ts';
import { uploadSitePhoto } from '../photos/service.ts';
import { loadCombinedForm } from '../checklists/queries.ts';
import { submitInspection } from '../inspections/service.ts';
import { submitReinspection } from '../inspections/reinspect.ts';
import { actOnHazard, decideHazardExtension, requestHazardExtension } from '../hazards/service.ts';
import { issueYellowCard, suspendSite } from '../site-orders/service.ts';
import { sweepColours } from '../colours/sweep-job.ts';
import { planCampaignTargets } from '../campaigns/targets.ts';
import { takeSnapshots } from '../rankings/snapshot-job.ts';
import { createRng, type Rng } from '../demo/random.ts';
import { passing } from '../demo/closed-loop.ts';
import { Ledger, type Totals } from './ledger.ts';
import { addDays, closeOutGoal, failureCount, hazardChoice, scheduleInspections, timeOfDay } from './plan.ts';
import { partyActor, setUpCampaign, type CampaignSetup, type SiteRow } from './setup.ts';

export interface SimulationOptions {
  /** First simulated day (YYYY-MM-DD, Asia/Shanghai). */
  start: string;
  days: number;
  seed: string;
  /** Inspect only this share of the sites (a quick proportional run); 1 = all. */
  fraction?: number;
  townCode: string;
  storage: Storage;
  /** Store the daily ranking snapshots (default true). */
  snapshots?: boolean;
  /** Leave sites visited before the campaign alone (the demo's closed-loop slice keeps its stories). */
  skipInspected?: boolean;
  /** Service calls under way at once (default 8 on PostgreSQL, 1 on PGlite, which runs one at a time). */
  concurrency?: number;
  log?: (line: string) => void;
}

export interface SimulationCounts {
  inspections: number;
  reinspections: number;
  partySubmissions: number;
  approvals: number;
  extensionRequests: number;
  extensionDecisions: number;
  yellowCards: number;
  suspensions: number;
  photos: number;
  snapshotDays: number;
}

export interface SimulationResult {
  campaignId: string;
  start: string;
  days: number;
  seed: string;
  fraction: number;
  members: number;
  totals: Totals;
  counts: SimulationCounts;
  timings: { setupMs: number; daysMs: number[]; totalMs: number; phasesMs: Record<Phase, number> };
}

type Phase = 'targets' | 'approvals' | 'inspections' | 'closeOuts' | 'extensions' | 'orders' | 'colourSweep' | 'snapshots';

type Pending = { id: string; siteId: string };

/**
 * Replays a whole campaign through the real services with a simulated clock, one day at a time:
 * inspections (综合查一次) with failed items turning into hazards, party evidence, review and
 * re-inspection close-outs (slow until the rankings start, then fast), extensions, missed
 * deadlines, yellow cards and suspensions, the colour sweep at midnight and the night's ranking
 * snapshot. Everything it does is also written into a ledger, the ground truth it reports.
 */
export async function simulateCampaign(database: Database, options: SimulationOptions): Promise<SimulationResult> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const rng = createRng(`simulation/${options.seed}`);
  const fraction = options.fraction ?? 1;
  // Every call carries its own clock, so teams can work at the same time (on PostgreSQL).
  const setupAt = new Date(`${options.start}T08:00:00+08:00`);
  const ctx = (actor: Actor, at: Date): RequestContext => ({ database, actor, ip: null, requestId: null, now: () => at });
  const parallel = options.concurrency ?? (database.kind === 'postgres' ? 8 : 1);
  const endsOn = addDays(options.start, Math.max(options.days, 60) - 1);
  const setup = await setUpCampaign(database, { townCode: options.townCode, name: `${options.start.slice(0, 4)}年“除险保安”专项行动`, startsOn: options.start, endsOn, clock: () => setupAt, rng: rng.fork('setup'), log });
  const villageOfPath = new Map(setup.villages.map((v, i) => [v.path, i]));
  const villageIndex = (site: SiteRow) => villageOfPath.get(site.areaPath.split('/').slice(0, 4).join('/') + '/')!;

  const ledger = new Ledger();
  for (const site of setup.sites) {
    const v = setup.villages[villageIndex(site)]!;
    ledger.addSite({ id: site.id, kind: site.kind, village: v.name, squad: setup.squads[v.squad]!.name });
  }
  const pace = setup.villages.map(() => rng.float(0.7, 1.5));
  const schedule = scheduleInspections(setup.sites.map(villageIndex), pace, options.days, rng.fork('schedule'), fraction).map((d, i) =>
    options.skipInspected && setup.sites[i]!.inspectedAt ? null : d,
  );
  const counts: SimulationCounts = { inspections: 0, reinspections: 0, partySubmissions: 0, approvals: 0, extensionRequests: 0, extensionDecisions: 0, yellowCards: 0, suspensions: 0, photos: 0, snapshotDays: 0 };
  const setupMs = Math.round(performance.now() - started);
  log(`set up in ${(setupMs / 1000).toFixed(1)} s; ${setup.sites.length.toLocaleString('en')} sites in scope; ${parallel} at a time`);

  const image = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#8a9bb0' } }).jpeg({ quality: 50 }).toBuffer();
  const photoOf = new Map<string, string>();
  const forms = new Map<SiteKind, CheckItem[]>();
  const parties = new Map<string, Actor>();
  const sitesById = new Map(setup.sites.map((s) => [s.id, s]));
  const inspectorOf = (siteId: string) => setup.villages[villageIndex(sitesById.get(siteId)!)]!.inspector;
  let pending: Pending[] = [];
  const daysMs: number[] = [];
  const phasesMs: Record<Phase, number> = { targets: 0, approvals: 0, inspections: 0, closeOuts: 0, extensions: 0, orders: 0, colourSweep: 0, snapshots: 0 };
  const timed = async (phase: Phase, fn: () => Promise<unknown>) => {
    const t0 = performance.now();
    await fn();
    phasesMs[phase] += Math.round(performance.now() - t0);
  };

  for (let d = 0; d < options.days; d++) {
    const dayStarted = performance.now();
    const day = addDays(options.start, d);
    const dayRng = rng.fork(`day-${d}`);

    // 倒排: the command centre re-plans the weekly targets on the first day and every Monday.
    if (d === 0 || new Date(`${day}T12:00:00Z`).getUTCDay() === 1) {
      const at = timeOfDay(day, 0, 1, 8, 8.5);
      await timed('targets', () => planCampaignTargets(ctx(setup.command, at), setup.campaignId, {}, at));
    }

    // Morning: yesterday's party evidence is reviewed and approved (销号), a site's hazards one after
    // another: two writes to one site at once can leave a stale colour (see docs/simulation.md).
    const reviewing = groupBy(pending, (h) => h.siteId);
    pending = [];
    await timed('approvals', () =>
      inParallel(reviewing, parallel, async (hazards, i) => {
        for (const [k, h] of hazards.entries()) {
          const at = new Date(timeOfDay(day, i, reviewing.length, 8.5, 10).getTime() + k * 60_000);
          await actOnHazard(ctx(inspectorOf(h.siteId), at), h.id, { action: 'approve', evidence: [photoOf.get(h.siteId)!] });
          ledger.hazards.get(h.id)!.status = 'closed';
          counts.approvals++;
        }
      }),
    );

    // The day's inspections, each site with its own random stream so the order of work does not matter.
    const today = setup.sites.filter((_, i) => schedule[i] === d);
    await timed('inspections', () => inParallel(today, parallel, (site, i) => inspect(site, dayRng.fork(`site-${i}`), timeOfDay(day, i, today.length, 8.5, 17.5))));

    // Afternoon: close-outs towards the day's goal, by party evidence or re-inspection.
    await timed('closeOuts', () => closeOuts(d, day, dayRng));
    await timed('extensions', () => extensions(day, dayRng));
    await timed('orders', () => orders(day, dayRng));

    // Midnight: deadlines that ended turn sites orange; the night's ranking snapshot.
    const midnight = new Date(`${addDays(day, 1)}T00:00:00+08:00`);
    await timed('colourSweep', () => sweepColours(database, midnight));
    if (options.snapshots !== false) {
      await timed('snapshots', async () => {
        const stored = await takeSnapshots(database, { campaignId: setup.campaignId }, new Date(midnight.getTime() + 5 * 60_000));
        if (stored.some((r) => r.stored > 0)) counts.snapshotDays++;
      });
    }
    daysMs.push(Math.round(performance.now() - dayStarted));
    const t = ledger.totals(midnight);
    log(`${day}: ${today.length.toLocaleString('en')} inspected, 排查率 ${pct(t.inspectionRate)}, hazards ${t.hazardsFound.toLocaleString('en')}, 销号率 ${pct(t.closeOutRate)}, overdue ${t.hazardsOverdue} (${(daysMs.at(-1)! / 1000).toFixed(1)} s)`);
  }

  const asOf = new Date(`${addDays(options.start, options.days)}T00:00:00+08:00`);
  return {
    campaignId: setup.campaignId,
    start: options.start,
    days: options.days,
    seed: options.seed,
    fraction,
    members: setup.members,
    totals: ledger.totals(asOf),
    counts,
    timings: { setupMs, daysMs, totalMs: Math.round(performance.now() - started), phasesMs },
  };

  async function photo(site: SiteRow, at: Date): Promise<string> {
    const known = photoOf.get(site.id);
    if (known) return known;
    const key = (await uploadSitePhoto(ctx(inspectorOf(site.id), at), options.storage, site.id, { fileName: 'site.jpg', mimeType: 'image/jpeg', data: image })).key;
    photoOf.set(site.id, key);
    counts.photos++;
    return key;
  }

  async function inspect(site: SiteRow, r: Rng, ended: Date) {
    let items = forms.get(site.kind);
    if (!items) {
      // By code, not as loaded, so that the failed items replay for a seed.
      items = (await loadCombinedForm(database.db, site)).groups.flatMap((g) => g.items).sort((a, b) => a.code.localeCompare(b.code) || a.text.localeCompare(b.text));
      forms.set(site.kind, items);
    }
    const failable = items.filter((i) => i.answerType === 'pass_fail');
    const failing = new Set(shuffle(failable, r).slice(0, failureCount(site.kind, failable.length, r)).map((i) => i.id));
    const choices = new Map(items.filter((i) => failing.has(i.id)).map((i) => [i.id, hazardChoice(r)]));
    const deadlines = new Map([...choices.keys()].map((id) => [id, r.int(3, 10)]));
    const key = await photo(site, new Date(ended.getTime() - 15 * 60_000));
    const today = shanghaiDay(ended);
    const answers = items.map((item) => {
      const choice = choices.get(item.id);
      if (!choice) return passing(item, key);
      const hazard = {
        level: choice.level,
        mode: choice.mode,
        ...(choice.mode === 'deadline' ? { deadline: addDays(today, deadlines.get(item.id)!) } : {}),
        ...(choice.mode === 'immediate' ? { fixedOnSpotPhotos: [key] } : {}),
        ...(choice.level === 'major' ? { treatmentPlan: majorPlan(site, addDays(today, 30)) } : {}),
      };
      return { checkItemId: item.id, result: 'fail' as const, photos: [key], note: item.text.slice(0, 60), hazard };
    });
    const body: InspectionSubmission = {
      id: randomUUID(),
      siteId: site.id,
      startedAt: new Date(ended.getTime() - 20 * 60_000).toISOString(),
      endedAt: ended.toISOString(),
      gps: site.lng !== null && site.lat !== null ? { lng: site.lng + 0.0002, lat: site.lat + 0.0001, accuracy: 15 } : null,
      answers,
      signature: { imageKey: key, signerName: site.responsiblePerson ?? '负责人', signerPhone: site.phone ?? '19900000000', signedAt: ended.toISOString() },
    } as InspectionSubmission;
    // Received a minute after the visit ends, as a phone syncs it.
    const { result } = await submitInspection(ctx(inspectorOf(site.id), new Date(ended.getTime() + 60_000)), body as never);
    counts.inspections++;
    ledger.sites.get(site.id)!.inspected = true;
    for (const h of result.hazards) ledger.addHazard(site.id, { id: h.id, level: h.level, mode: h.mode, status: h.status, deadline: h.deadline, extended: false });
  }

  /** Site by site in the set-up order, not in the order concurrent inspections happened to finish. */
  function hazardsInOrder() {
    return [...ledger.sites.values()].flatMap((s) => s.hazards.map((h) => ledger.hazards.get(h.id)!));
  }

  async function closeOuts(d: number, day: string, r: Rng) {
    const found = hazardsInOrder().filter((h) => h.status !== 'cancelled');
    const closedOrPending = found.filter((h) => h.status === 'closed' || h.status === 'pending_review').length;
    const wanted = Math.max(0, Math.round(closeOutGoal(d, options.days) * found.length) - closedOrPending);
    // Deadline hazards are the hard ones (sprinklers, escape stairs): chosen last, so some run over.
    const open = found.filter((h) => h.status === 'open');
    const weight = (h: (typeof open)[number]) => (h.mode === 'deadline' ? (h.level === 'major' ? 0.15 : 0.35) : 1);
    const chosen = open
      .map((h) => ({ h, key: r.next() ** (1 / weight(h)) }))
      .sort((a, b) => b.key - a.key)
      .slice(0, wanted)
      .map((x) => x.h);
    const bySite = new Map<string, typeof chosen>();
    for (const h of chosen) {
      const list = bySite.get(h.siteId);
      if (list) list.push(h);
      else bySite.set(h.siteId, [h]);
    }
    // Decided up front, so the outcome does not depend on which call finishes first.
    const visits = [...bySite].map(([siteId, hazards]) => ({ site: sitesById.get(siteId)!, hazards, byParty: !!sitesById.get(siteId)!.phone && r.chance(0.3) }));
    for (const v of visits) if (v.byParty) pending.push(...v.hazards.map((h) => ({ id: h.id, siteId: v.site.id })));
    await inParallel(visits, parallel, async ({ site, hazards, byParty }, i) => {
      const at = timeOfDay(day, i, visits.length, 13, 19);
      const key = await photo(site, at);
      if (byParty) {
        // The party uploads proof of the fix; an inspector reviews it the next morning.
        const party = await partyActor(database, site, parties);
        for (const h of hazards) {
          await actOnHazard(ctx(party, at), h.id, { action: 'submit_rectification', evidence: [key] });
          h.status = 'pending_review';
          counts.partySubmissions++;
        }
        return;
      }
      await submitReinspection(ctx(inspectorOf(site.id), new Date(at.getTime() + 60_000)), {
        id: randomUUID(),
        siteId: site.id,
        startedAt: new Date(at.getTime() - 10 * 60_000).toISOString(),
        endedAt: at.toISOString(),
        gps: site.lng !== null && site.lat !== null ? { lng: site.lng, lat: site.lat, accuracy: 10 } : null,
        results: hazards.map((h) => ({ hazardId: h.id, fixed: true, photos: [key] })),
      } as never);
      for (const h of hazards) h.status = 'closed';
      counts.reinspections++;
    });
  }

  /** A quarter of deadline hazards due within two days ask for a week more; most are granted. */
  async function extensions(day: string, r: Rng) {
    const due = hazardsInOrder().filter((h) => h.status === 'open' && h.deadline && !h.extended && h.deadline >= day && h.deadline <= addDays(day, 2));
    for (const [i, h] of due.entries()) {
      if (!r.chance(0.25)) continue;
      const newDeadline = addDays(h.deadline!, 7);
      const asked = timeOfDay(day, i, due.length, 10, 12);
      const detail = await requestHazardExtension(ctx(inspectorOf(h.siteId), asked), h.id, { newDeadline, reason: '需采购消防设施，申请延期整改' });
      h.extended = true;
      ledger.extensionsRequested++;
      counts.extensionRequests++;
      const approve = r.chance(0.8);
      const decided = timeOfDay(day, i, due.length, 15, 17);
      await decideHazardExtension(ctx(setup.command, decided), h.id, detail.extensions.at(-1)!.id, { approve, reason: approve ? '同意延期' : '整改难度不大，不予延期' });
      counts.extensionDecisions++;
      if (approve) {
        h.deadline = newDeadline;
        ledger.extensionsApproved++;
      }
    }
  }

  /** Yellow cards for sites whose deadlines passed; suspension for a site with a major hazard. */
  async function orders(day: string, r: Rng) {
    const at = timeOfDay(day, 0, 1, 17, 17.5);
    const overdueSites = [...ledger.sites.values()].filter((s) => s.yellowCards.length === 0 && s.hazards.some((h) => h.status === 'open' && h.deadline !== null && h.deadline < day));
    const cardsPerDay = Math.max(1, Math.round(setup.sites.length / 8000));
    for (const site of shuffle(overdueSites, r).slice(0, cardsPerDay)) {
      const deadline = addDays(day, 3);
      await issueYellowCard(ctx(setup.command, at), site.id, { deadline, reason: '隐患逾期未整改，发出黄牌警告' });
      site.yellowCards.push({ deadline });
      counts.yellowCards++;
    }
    const majors = [...ledger.sites.values()].filter((s) => !s.suspended && s.hazards.some((h) => h.level === 'major' && h.status === 'open'));
    if (majors.length > 0 && r.chance(0.3)) {
      const site = r.pick(majors);
      await suspendSite(ctx(setup.command, at), site.id, { reason: '存在重大火灾隐患，责令停业整改' });
      site.suspended = true;
      counts.suspensions++;
    }
  }
}

/** Items with the same key, in first-seen order. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return [...groups.values()];
}

/** Runs `fn` over the items with at most `limit` calls under way, like that many teams at work. */
async function inParallel<T>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export type { CampaignSetup };

const pct = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

const shanghaiDay = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

function shuffle<T>(items: readonly T[], r: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r.next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function majorPlan(site: SiteRow, deadline: string) {
  return {
    targetAndTasks: '消除重大火灾隐患',
    methodsAndMeasures: '拆除违规彩钢夹芯板，设置防火分隔，增设室内消火栓',
    fundsAndMaterials: '业主自筹',
    responsible: `${site.responsiblePerson ?? '业主'}，村社队长监督`,
    deadline,
    safetyAndEmergency: '整改期间停用相关区域，配备灭火器并专人值守',
  };
}
