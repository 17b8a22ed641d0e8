import {
  HAZARD_ACTIONS,
  HAZARD_LABELS_EN,
  HAZARD_LABELS_ZH,
  type HazardAction,
  type HazardActionInput,
  type HazardLevel,
  type HazardStatus,
  type RectificationMode,
  type Role,
} from '@anxun/contracts';

export interface HazardState {
  status: HazardStatus;
  level: HazardLevel;
  mode: RectificationMode;
  /** Asia/Shanghai calendar date, YYYY-MM-DD; only deadline-mode hazards have one. */
  deadline: string | null;
}

/** isParty: the actor is the inspected party of this hazard's site, whatever roles they hold. */
export interface HazardActor {
  roles: readonly Role[];
  isParty: boolean;
}

export interface HazardEvent {
  action: HazardAction;
  from: HazardStatus;
  to: HazardStatus;
  reason?: string;
  evidence?: string[];
}

export interface RuleError {
  ok: false;
  code: string;
  zh: string;
  en: string;
}

export type TransitionResult =
  | { ok: true; next: { status: HazardStatus }; event: HazardEvent }
  | RuleError;

export interface TransitionRule {
  from: readonly HazardStatus[];
  to: HazardStatus;
  /** Roles that may act, when the actor is not the party. */
  roles: readonly Role[];
  /** The party may only report its own fix; it never verifies, reopens or cancels. */
  party: boolean;
  /** Photo ids: the fix for submit, the after-photo for every close-out. */
  evidence: boolean;
  reason: boolean;
  /** Close on the spot only makes sense for hazards fixable during the visit. */
  mode?: RectificationMode;
}

const SUBMITTERS: readonly Role[] = ['inspector', 'squad_leader', 'grid_member', 'department', 'village', 'town', 'command_centre', 'admin'];
// Grid members and village officials report and chase; only inspection staff and officials with enforcement powers verify.
const REVIEWERS: readonly Role[] = ['inspector', 'squad_leader', 'department', 'town', 'command_centre', 'admin'];
const REOPENERS: readonly Role[] = ['command_centre', 'department', 'town', 'admin'];
const LIVE: readonly HazardStatus[] = ['open', 'pending_review'];

/** The whole state machine as data, so docs and the UI can list it. */
export const HAZARD_TRANSITIONS: Readonly<Record<HazardAction, TransitionRule>> = {
  submit_rectification: { from: ['open'], to: 'pending_review', roles: SUBMITTERS, party: true, evidence: true, reason: false },
  approve: { from: ['pending_review'], to: 'closed', roles: REVIEWERS, party: false, evidence: true, reason: false },
  reject: { from: ['pending_review'], to: 'open', roles: REVIEWERS, party: false, evidence: false, reason: true },
  reinspect_fixed: { from: LIVE, to: 'closed', roles: REVIEWERS, party: false, evidence: true, reason: false },
  reinspect_not_fixed: { from: LIVE, to: 'open', roles: REVIEWERS, party: false, evidence: false, reason: true },
  close_on_spot: { from: ['open'], to: 'closed', roles: REVIEWERS, party: false, evidence: true, reason: false, mode: 'immediate' },
  reopen: { from: ['closed'], to: 'open', roles: REOPENERS, party: false, evidence: false, reason: true },
  cancel: { from: LIVE, to: 'cancelled', roles: ['admin'], party: false, evidence: false, reason: true },
};

const zhStatus = (s: HazardStatus) => HAZARD_LABELS_ZH.hazardStatus[s];
const enStatus = (s: HazardStatus) => HAZARD_LABELS_EN.hazardStatus[s];
const zhAction = (a: HazardAction) => HAZARD_LABELS_ZH.hazardAction[a];
const enAction = (a: HazardAction) => HAZARD_LABELS_EN.hazardAction[a];

export function fail(code: string, zh: string, en: string): RuleError {
  return { ok: false, code, zh, en };
}

/** Checks that depend only on the hazard and the actor (not on the form), shared with allowedActions. */
function precheck(hazard: HazardState, action: HazardAction, actor: HazardActor): RuleError | null {
  const rule = HAZARD_TRANSITIONS[action];
  if (hazard.status === 'cancelled') {
    return fail('HAZARD_CANCELLED', '隐患已撤销，不能再进行任何操作', 'The hazard has been cancelled; no further action is possible');
  }
  if (!rule.from.includes(hazard.status)) {
    if (hazard.status === 'closed') {
      return fail(
        'HAZARD_ALREADY_CLOSED',
        `隐患已销号，不能${zhAction(action)}；如需重新整改，请先重新打开`,
        `The hazard is already closed and cannot be given "${enAction(action)}"; reopen it first if it needs fixing again`,
      );
    }
    return fail(
      'INVALID_TRANSITION',
      `隐患当前状态为「${zhStatus(hazard.status)}」，不能${zhAction(action)}`,
      `A hazard that is ${enStatus(hazard.status)} cannot be given "${enAction(action)}"`,
    );
  }
  if (actor.isParty) {
    if (!rule.party) {
      return fail(
        'PARTY_FORBIDDEN',
        `当事人不能${zhAction(action)}，只能提交整改`,
        `The inspected party cannot "${enAction(action)}"; it may only submit its rectification`,
      );
    }
  } else if (!actor.roles.some((r) => rule.roles.includes(r))) {
    return fail('FORBIDDEN_ROLE', `您的角色无权${zhAction(action)}`, `Your role may not "${enAction(action)}"`);
  }
  if (rule.mode && hazard.mode !== rule.mode) {
    return fail(
      'MODE_MISMATCH',
      `只有${HAZARD_LABELS_ZH.rectificationMode[rule.mode]}的隐患可以${zhAction(action)}，本隐患为${HAZARD_LABELS_ZH.rectificationMode[hazard.mode]}`,
      `Only ${HAZARD_LABELS_EN.rectificationMode[rule.mode]}-mode hazards can be given "${enAction(action)}"; this one is ${HAZARD_LABELS_EN.rectificationMode[hazard.mode]}-mode`,
    );
  }
  return null;
}

/** Applies one action; the caller persists `next` and records `event` in the hazard's history. */
export function transition(hazard: HazardState, input: HazardActionInput, actor: HazardActor): TransitionResult {
  const { action } = input;
  const rule = HAZARD_TRANSITIONS[action];
  const refused = precheck(hazard, action, actor);
  if (refused) return refused;

  const evidence = (input.evidence ?? []).map((id) => id.trim()).filter((id) => id.length > 0);
  const reason = input.reason?.trim() ?? '';
  if (rule.evidence && evidence.length === 0) {
    return action === 'submit_rectification'
      ? fail('EVIDENCE_REQUIRED', '请至少上传一张整改照片', 'Upload at least one photo of the rectification')
      : fail('EVIDENCE_REQUIRED', '销号须至少上传一张整改后照片', 'Closing out needs at least one after-photo');
  }
  if (rule.reason && reason.length === 0) {
    return fail('REASON_REQUIRED', `${zhAction(action)}须填写原因`, `"${enAction(action)}" needs a reason`);
  }

  const event: HazardEvent = { action, from: hazard.status, to: rule.to };
  if (reason) event.reason = reason;
  if (evidence.length > 0) event.evidence = evidence;
  return { ok: true, next: { status: rule.to }, event };
}

/** Actions this actor may take now; the form inputs (photos, reason) are checked on submit. */
export function allowedActions(hazard: HazardState, actor: HazardActor): HazardAction[] {
  return HAZARD_ACTIONS.filter((action) => precheck(hazard, action, actor) === null);
}

// ── deadline extensions (延期) ────────────────────────────────────────────────

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date in YYYY-MM-DD form. */
export function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

export interface ExtensionRequest {
  status: 'requested';
  fromDeadline: string;
  newDeadline: string;
}

export interface Extension {
  status: 'requested' | 'approved' | 'rejected';
  newDeadline: string;
}

function extensionTarget(hazard: HazardState): RuleError | null {
  if (hazard.status === 'cancelled') {
    return fail('HAZARD_CANCELLED', '隐患已撤销，不能再进行任何操作', 'The hazard has been cancelled; no further action is possible');
  }
  if (hazard.status === 'closed') {
    return fail('HAZARD_ALREADY_CLOSED', '隐患已销号，无需延期', 'The hazard is already closed; no extension is needed');
  }
  if (hazard.mode !== 'deadline' || hazard.deadline === null) {
    return fail('NOT_DEADLINE_MODE', '只有限期整改的隐患可以申请延期', 'Only deadline-mode hazards can have their deadline extended');
  }
  return null;
}

/**
 * `today` is the Asia/Shanghai calendar date. Dates are YYYY-MM-DD, so string order is date order.
 * extensionPending: one request at a time, or two approvals could race each other.
 */
export function requestExtension(
  hazard: HazardState & { extensionPending?: boolean },
  newDeadline: string,
  today: string,
): { ok: true; extension: ExtensionRequest } | RuleError {
  const refused = extensionTarget(hazard);
  if (refused) return refused;
  if (hazard.extensionPending) {
    return fail('EXTENSION_PENDING', '已有一个待审批的延期申请', 'An extension request is already awaiting a decision');
  }
  if (!isCalendarDate(newDeadline)) {
    return fail('INVALID_DATE', '新的整改期限不是有效日期（YYYY-MM-DD）', 'The new deadline is not a valid date (YYYY-MM-DD)');
  }
  const current = hazard.deadline!;
  if (newDeadline <= current) {
    return fail('DEADLINE_NOT_LATER', `新的整改期限须晚于原期限 ${current}`, `The new deadline must be after the current one (${current})`);
  }
  if (newDeadline < today) {
    return fail('DEADLINE_IN_PAST', '新的整改期限不能早于今天', 'The new deadline cannot be in the past');
  }
  return { ok: true, extension: { status: 'requested', fromDeadline: current, newDeadline } };
}

/** Deadlines are set by the authorities that own the hazard, so only they may move them. */
export const EXTENSION_DECIDERS: readonly Role[] = ['department', 'town', 'command_centre', 'admin'];

export function decideExtension(
  hazard: HazardState,
  extension: Extension,
  decision: { approve: boolean; reason?: string },
  actor: HazardActor,
  today: string,
): { ok: true; extension: { status: 'approved' | 'rejected'; reason?: string }; next: { deadline?: string } } | RuleError {
  if (extension.status !== 'requested') {
    return fail('EXTENSION_DECIDED', '该延期申请已处理', 'This extension request has already been decided');
  }
  const refused = extensionTarget(hazard);
  if (refused) return refused;
  if (actor.isParty) {
    return fail('PARTY_FORBIDDEN', '当事人不能审批自己的延期申请', 'The inspected party cannot decide its own extension request');
  }
  if (!actor.roles.some((r) => EXTENSION_DECIDERS.includes(r))) {
    return fail('FORBIDDEN_ROLE', '您的角色无权审批延期申请', 'Your role may not decide extension requests');
  }
  const reason = decision.reason?.trim() ?? '';
  if (!decision.approve) {
    if (!reason) return fail('REASON_REQUIRED', '驳回延期申请须填写原因', 'Rejecting an extension needs a reason');
    return { ok: true, extension: { status: 'rejected', reason }, next: {} };
  }
  // Re-checked at approval: the deadline may have moved, or the day passed, since the request.
  if (extension.newDeadline <= hazard.deadline!) {
    return fail('DEADLINE_NOT_LATER', `新的整改期限须晚于原期限 ${hazard.deadline!}`, `The new deadline must be after the current one (${hazard.deadline!})`);
  }
  if (extension.newDeadline < today) {
    return fail('DEADLINE_IN_PAST', '申请的新期限已过，请重新申请', 'The requested deadline has already passed; request again');
  }
  return {
    ok: true,
    extension: reason ? { status: 'approved', reason } : { status: 'approved' },
    next: { deadline: extension.newDeadline },
  };
}
