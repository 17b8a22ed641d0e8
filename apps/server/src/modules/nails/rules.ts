import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import timezone from 'dayjs/plugin/timezone.js';
import type { NailKind, NailStatus } from '@anxun/contracts';

dayjs.extend(utc);
dayjs.extend(timezone);

const TZ = 'Asia/Shanghai';

/** A refused nail rule; `status` is the HTTP answer (403 role, 409 state, 422 content). */
export interface NailRuleError {
  status: 403 | 409 | 422;
  code: string;
  zh: string;
  en: string;
}

const error = (status: NailRuleError['status'], code: string, zh: string, en: string): NailRuleError => ({ status, code, zh, en });

/**
 * Key nails (重点钉) are the ones fixed when the campaign starts: they may be created up to and
 * including its start day (Asia/Shanghai); from the next day on, a newly found nail is dynamic (动态钉).
 * No nail is added to a campaign whose last day is over. Dates are YYYY-MM-DD, so they compare as strings.
 */
export function checkNewNail(kind: NailKind, today: string, campaign: { startsOn: string; endsOn: string }): NailRuleError | null {
  if (today > campaign.endsOn) return error(409, 'campaign_ended', '专项行动已结束，不能再新增钉', 'The campaign has ended; no nails can be added');
  if (kind === 'key' && today > campaign.startsOn) {
    return error(422, 'key_nail_after_start', `重点钉须在专项行动开始日（${campaign.startsOn}）及之前确定，之后新增的钉为动态钉`, `Key nails are fixed by the campaign's start day (${campaign.startsOn}); nails added later are dynamic`);
  }
  return null;
}

export const isValidProgress = (progress: number) => Number.isInteger(progress) && progress >= 0 && progress <= 100;

/**
 * The statuses a progress report may set from the current one: open → in_progress → resolved,
 * staying put is a plain report, and only those who may reopen take a resolved nail back to in_progress.
 */
export function reportStatuses(current: NailStatus, canReopen: boolean): NailStatus[] {
  switch (current) {
    case 'open':
      return ['open', 'in_progress'];
    case 'in_progress':
      return ['in_progress', 'resolved'];
    case 'resolved':
      return canReopen ? ['in_progress'] : [];
  }
}

export interface MilestoneState {
  dueOn: string;
  doneOn: string | null;
}

/**
 * Guards a progress report: the transition, progress 0 while open, 100 and every milestone done
 * to resolve, and a reopened nail's progress below 100 (the note is the reason).
 */
export function checkReport(
  current: NailStatus,
  report: { progress: number; status: NailStatus },
  milestones: readonly MilestoneState[],
  canReopen: boolean,
): NailRuleError | null {
  if (!isValidProgress(report.progress)) return error(422, 'invalid_progress', '进度须为 0–100 的整数', 'Progress must be a whole number from 0 to 100');
  if (current === 'resolved') {
    if (report.status === 'resolved') return error(409, 'already_resolved', '该钉已拔除；如问题反复，请重新打开并说明原因', 'The nail is already resolved; reopen it with a reason if the problem is back');
    if (!canReopen) return error(403, 'reopen_forbidden', '只有指挥部、镇街或管理员可以重新打开已拔除的钉', 'Only the command centre, town or an admin may reopen a resolved nail');
  }
  if (!reportStatuses(current, canReopen).includes(report.status)) {
    return error(409, 'invalid_transition', `不能从"${STATUS_ZH[current]}"改为"${STATUS_ZH[report.status]}"`, `A nail cannot go from ${current} to ${report.status}`);
  }
  if (report.status === 'open' && report.progress !== 0) return error(422, 'open_with_progress', '已有进度的钉应标记为"推进中"', 'A nail with progress is in progress, not open');
  if (report.status === 'resolved') {
    if (report.progress !== 100) return error(422, 'resolve_needs_100', '拔除时进度须为 100%', 'A nail is resolved only at 100% progress');
    const pending = milestones.filter((m) => m.doneOn === null).length;
    if (pending > 0) return error(409, 'milestones_pending', `还有 ${pending} 个节点未完成，不能拔除`, `${pending} milestone(s) are not done yet`);
  }
  if (current === 'resolved' && report.progress === 100) return error(422, 'reopen_needs_less_than_100', '重新打开时进度应低于 100%', 'A reopened nail has less than 100% progress');
  return null;
}

const STATUS_ZH: Record<NailStatus, string> = { open: '未启动', in_progress: '推进中', resolved: '已拔除' };

/**
 * A milestone is overdue on a day when its due day is over before that day and it was not done by
 * then. On today this is the live rule: due before today and not done.
 */
export const milestoneOverdue = (m: MilestoneState, day: string) => m.dueOn < day && (m.doneOn === null || m.doneOn > day);

/** Completing a milestone: not twice, not on a day still to come. */
export function checkMilestoneDone(m: MilestoneState, doneOn: string, today: string): NailRuleError | null {
  if (m.doneOn !== null) return error(409, 'milestone_done', `该节点已于 ${m.doneOn} 完成`, `The milestone was already done on ${m.doneOn}`);
  if (doneOn > today) return error(422, 'done_in_future', '完成日期不能晚于今天', 'The completion date cannot be in the future');
  return null;
}

/** Adding work to a resolved nail means it is not resolved: reopen first. */
export function checkNailOpenForWork(status: NailStatus): NailRuleError | null {
  return status === 'resolved' ? error(409, 'nail_resolved', '该钉已拔除，请先重新打开', 'The nail is resolved; reopen it first') : null;
}

export interface MonthBounds {
  first: string;
  last: string;
  /** The first day of the next month. */
  next: string;
  start: Date;
  end: Date;
}

/** A YYYY-MM month as Asia/Shanghai calendar days and as the instants that bound it. */
export function monthBounds(month: string): MonthBounds {
  const start = dayjs.tz(`${month}-01 00:00:00`, TZ);
  const end = start.add(1, 'month');
  return { first: start.format('YYYY-MM-DD'), last: end.subtract(1, 'day').format('YYYY-MM-DD'), next: end.format('YYYY-MM-DD'), start: start.toDate(), end: end.toDate() };
}

export interface AiringNail {
  id: string;
  kind: NailKind;
  title: string;
  areaName: string;
  createdAt: Date;
  /** Progress reports of the nail, in any order. */
  updates: readonly { progress: number; status: NailStatus; reportedAt: Date }[];
  milestones: readonly MilestoneState[];
}

export interface AiringRow {
  id: string;
  kind: NailKind;
  title: string;
  areaName: string;
  status: NailStatus;
  progressBefore: number;
  progressAfter: number;
  progressChange: number;
  reportsInMonth: number;
  noProgress: boolean;
  resolvedInMonth: boolean;
  milestonesDue: number;
  milestonesDone: number;
  milestonesOverdue: number;
}

export interface Airing {
  month: string;
  asOf: string;
  active: number;
  resolved: number;
  noProgress: number;
  milestonesDue: number;
  milestonesDone: number;
  milestonesOverdue: number;
  rows: AiringRow[];
}

const INITIAL = { progress: 0, status: 'open' as NailStatus };

function lastBefore(updates: AiringNail['updates'], instant: Date) {
  let last: AiringNail['updates'][number] | undefined;
  for (const u of updates) {
    if (u.reportedAt < instant && (!last || u.reportedAt >= last.reportedAt)) last = u;
  }
  return last;
}

/**
 * 月晾晒: figures of one month, recountable from the reports and milestones alone.
 * - active: created before the month ended and not resolved when it began;
 * - a nail's state at an instant is its last report before it (open at 0% without one);
 * - progress change = state at the month's end − state at its start;
 * - resolved in the month: active and resolved at the month's end;
 * - no progress (red): active, not resolved at the end, and no forward movement in the month;
 * - milestones due / done: due day / done day inside the month;
 * - milestones overdue: overdue on `asOf` — the first day of the next month, or today while the month runs.
 * `today` is the Asia/Shanghai date the figures are taken on; a month that has not begun has no figures.
 */
export function monthlyAiring(month: string, today: string, nails: readonly AiringNail[]): Airing {
  const b = monthBounds(month);
  const asOf = today < b.next ? today : b.next;
  const rows: AiringRow[] = [];
  for (const nail of nails) {
    if (nail.createdAt >= b.end) continue;
    const before = lastBefore(nail.updates, b.start) ?? INITIAL;
    if (before.status === 'resolved') continue;
    const after = lastBefore(nail.updates, b.end) ?? before;
    const resolvedInMonth = after.status === 'resolved';
    const change = after.progress - before.progress;
    const inMonth = (day: string | null) => day !== null && day >= b.first && day <= b.last;
    rows.push({
      id: nail.id,
      kind: nail.kind,
      title: nail.title,
      areaName: nail.areaName,
      status: after.status,
      progressBefore: before.progress,
      progressAfter: after.progress,
      progressChange: change,
      reportsInMonth: nail.updates.filter((u) => u.reportedAt >= b.start && u.reportedAt < b.end).length,
      noProgress: !resolvedInMonth && change <= 0,
      resolvedInMonth,
      milestonesDue: nail.milestones.filter((m) => inMonth(m.dueOn)).length,
      milestonesDone: nail.milestones.filter((m) => inMonth(m.doneOn)).length,
      milestonesOverdue: nail.milestones.filter((m) => milestoneOverdue(m, asOf)).length,
    });
  }
  const sum = (key: 'milestonesDue' | 'milestonesDone' | 'milestonesOverdue') => rows.reduce((n, r) => n + r[key], 0);
  return {
    month,
    asOf,
    active: rows.length,
    resolved: rows.filter((r) => r.resolvedInMonth).length,
    noProgress: rows.filter((r) => r.noProgress).length,
    milestonesDue: sum('milestonesDue'),
    milestonesDone: sum('milestonesDone'),
    milestonesOverdue: sum('milestonesOverdue'),
    rows,
  };
}

/** A month that has not begun (Asia/Shanghai) cannot be aired. */
export const monthStarted = (month: string, today: string) => monthBounds(month).first <= today;
