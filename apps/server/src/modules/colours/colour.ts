import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import timezone from 'dayjs/plugin/timezone.js';
import type { HazardLevel, HazardStatus, RectificationMode, SiteColour } from '@anxun/contracts';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Deadlines are calendar days in the local time of the people who set them. */
export const DEADLINE_ZONE = 'Asia/Shanghai';

export interface ColourHazard {
  status: HazardStatus;
  level: HazardLevel;
  mode: RectificationMode;
  /** YYYY-MM-DD, Asia/Shanghai. */
  deadline: string | null;
}

export interface YellowCard {
  /** YYYY-MM-DD, Asia/Shanghai. */
  deadline: string;
  resolved: boolean;
}

export interface SiteColourState {
  suspended: boolean;
  /** Inspected or re-inspected at least once. */
  inspected: boolean;
  hazards: readonly ColourHazard[];
  yellowCards: readonly YellowCard[];
}

const isOpen = (h: ColourHazard) => h.status === 'open' || h.status === 'pending_review';

const dueEndCache = new Map<string, number>();

/**
 * The instant a deadline day ends (00:00 Asia/Shanghai the next day), in epoch ms. The whole
 * deadline day still counts as on time. Cached: colour is recomputed for thousands of sites.
 */
export function deadlineEndsAt(deadline: string): number {
  let end = dueEndCache.get(deadline);
  if (end === undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(deadline)) throw new RangeError(`期限日期格式应为 YYYY-MM-DD | Deadline must be YYYY-MM-DD: ${deadline}`);
    const day = dayjs.tz(deadline, DEADLINE_ZONE);
    if (!day.isValid() || day.format('YYYY-MM-DD') !== deadline) {
      throw new RangeError(`期限日期无效 | Invalid deadline date: ${deadline}`);
    }
    end = day.add(1, 'day').valueOf();
    dueEndCache.set(deadline, end);
  }
  return end;
}

/** An open (or pending-review) deadline-mode hazard whose deadline day has ended. */
export function isOverdue(hazard: ColourHazard, now: Date): boolean {
  return isOpen(hazard) && hazard.mode === 'deadline' && hazard.deadline !== null && now.getTime() >= deadlineEndsAt(hazard.deadline);
}

export function isYellowCardOverdue(card: YellowCard, now: Date): boolean {
  return !card.resolved && now.getTime() >= deadlineEndsAt(card.deadline);
}

/** 五色管理, first match wins: black > red > orange > yellow > green; grey = never inspected, nothing open. */
export function siteColour(state: SiteColourState, now: Date): SiteColour {
  if (state.suspended) return 'black';
  const open = state.hazards.filter(isOpen);
  if (open.some((h) => h.level === 'major')) return 'red';
  if (state.yellowCards.some((c) => isYellowCardOverdue(c, now)) || open.some((h) => isOverdue(h, now))) return 'orange';
  if (open.length > 0) return 'yellow';
  return state.inspected ? 'green' : 'grey';
}

/**
 * The earliest instant after `now` at which the colour changes with no new event — only a
 * deadline passing can do that — or null. The scheduler wakes the site up then.
 */
export function nextColourChangeAt(state: SiteColourState, now: Date): Date | null {
  const t = now.getTime();
  const ends = new Set<number>();
  for (const h of state.hazards) {
    if (isOpen(h) && h.mode === 'deadline' && h.deadline !== null) ends.add(deadlineEndsAt(h.deadline));
  }
  for (const c of state.yellowCards) if (!c.resolved) ends.add(deadlineEndsAt(c.deadline));
  const current = siteColour(state, now);
  // Deadlines only ever add orange, so the first one that changes the colour is the answer.
  for (const end of [...ends].filter((e) => e > t).sort((a, b) => a - b)) {
    if (siteColour(state, new Date(end)) !== current) return new Date(end);
  }
  return null;
}
