import { describe, expect, it } from 'vitest';
import type { CheckItem, CombinedForm } from '@anxun/contracts';
import { InspectionSubmission } from '@anxun/contracts';
import { buildSubmission, hasInk, itemIdOfPath, itemIssues, markGroupPassed, newDraft, progressOf, resultOf, signIssues } from './draft.ts';
import type { AnswerDraft, InspectionDraft } from './draft.ts';
import { buildReinspection, newReinspection, reinspectionIssues } from './reinspectDraft.ts';

const SITE = '7f0c1a52-7a1e-4d0b-9d1e-0f8f6f7f0a01';
let n = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

function item(over: Partial<CheckItem>): CheckItem {
  return {
    id: uuid(),
    sort: n,
    code: `T-${n}`,
    text: '检查项',
    textEn: 'Item',
    domain: 'fire',
    siteKinds: ['street_shop'],
    answerType: 'pass_fail',
    threshold: null,
    choices: null,
    photoRequired: false,
    defaultLevel: 'general',
    legalBasis: '依据',
    suggestedFix: '',
    defaultMode: 'deadline',
    defaultDays: 15,
    ...over,
  };
}

const answer = (over: Partial<AnswerDraft>): AnswerDraft => ({ value: '', note: '', photos: [], ...over });
const photo = (key: string) => ({ key, url: `/api/files/${key}`, thumbnailUrl: null });
const TODAY = '2026-05-01';

describe('number thresholds', () => {
  it('reads the threshold as the failing condition (contracts: "measured <op> value fails")', () => {
    const width = item({ answerType: 'number', threshold: { op: '<', value: 1.1, unit: 'm' } });
    expect(resultOf(width, answer({ value: '0.9' }))).toBe('fail');
    expect(resultOf(width, answer({ value: '1.1' }))).toBe('pass');
    expect(resultOf(width, answer({ value: '1,5' }))).toBe('pass');
    const crowd = item({ answerType: 'number', threshold: { op: '>', value: 9, unit: '人' } });
    expect(resultOf(crowd, answer({ value: '9' }))).toBe('pass');
    expect(resultOf(crowd, answer({ value: '10' }))).toBe('fail');
  });

  it('treats an empty or invalid value as unanswered, and N/A as answered', () => {
    const width = item({ answerType: 'number', threshold: { op: '<', value: 1.1, unit: 'm' } });
    expect(resultOf(width, answer({ value: '' }))).toBeUndefined();
    expect(itemIssues(width, answer({ value: 'abc' }), TODAY)).toEqual([{ key: 'value' }]);
    expect(resultOf(width, answer({ mark: 'na' }))).toBe('na');
  });
});

describe('choices and photos', () => {
  const gauge = item({
    answerType: 'choice',
    photoRequired: true,
    choices: [
      { value: 'green', label: '绿区', fails: false },
      { value: 'red', label: '红区', fails: true },
    ],
  });

  it('derives the verdict from the option and needs the photo unless N/A', () => {
    expect(resultOf(gauge, answer({ choice: 'red' }))).toBe('fail');
    expect(itemIssues(gauge, answer({ choice: 'green' }), TODAY)).toEqual([{ key: 'photo' }]);
    expect(itemIssues(gauge, answer({ choice: 'green', photos: [photo('a.jpg')] }), TODAY)).toEqual([]);
    expect(itemIssues(gauge, answer({ mark: 'na' }), TODAY)).toEqual([]);
  });

  it('全部合格 passes what needs no measurement and picks a choice only when one option passes', () => {
    const plain = item({});
    const width = item({ answerType: 'number', threshold: { op: '<', value: 1.1, unit: 'm' } });
    const twoPassing = item({ answerType: 'choice', choices: [{ value: 'a', label: 'A', fails: false }, { value: 'b', label: 'B', fails: false }] });
    const alreadyFailed = item({});
    const outcome = markGroupPassed([plain, width, gauge, twoPassing, alreadyFailed], { [alreadyFailed.id]: answer({ mark: 'fail' }) });
    expect(outcome.changed).toBe(2);
    expect(outcome.skipped).toBe(2);
    expect(outcome.answers[plain.id]?.mark).toBe('pass');
    expect(outcome.answers[gauge.id]?.choice).toBe('green');
    expect(outcome.answers[alreadyFailed.id]?.mark).toBe('fail');
    expect(outcome.answers[width.id]).toBeUndefined();
  });
});

describe('failed items', () => {
  it('needs the six plan fields for a major hazard and no past deadline', () => {
    const major = item({ defaultLevel: 'major' });
    const failed = answer({ mark: 'fail' });
    expect(itemIssues(major, failed, TODAY).filter((issue) => issue.key === 'planField')).toHaveLength(6);
    const dated = answer({
      mark: 'fail',
      hazard: {
        level: 'general',
        mode: 'deadline',
        deadline: '2026-04-30',
        description: '',
        plan: { targetAndTasks: '', methodsAndMeasures: '', fundsAndMaterials: '', responsible: '', deadline: '', safetyAndEmergency: '' },
        fixedOnSpotPhotos: [],
      },
    });
    expect(itemIssues(major, dated, TODAY)).toEqual([{ key: 'deadlinePast' }]);
  });
});

describe('the submission', () => {
  const pass = item({});
  const width = item({ answerType: 'number', threshold: { op: '<', value: 1.1, unit: 'm' } });
  const immediate = item({ defaultMode: 'immediate' });
  const major = item({ defaultLevel: 'major', defaultMode: 'deadline' });
  const form: CombinedForm = {
    siteId: SITE,
    siteKind: 'street_shop',
    groups: [
      { departmentId: uuid(), departmentName: '消防', checklistVersionId: uuid(), items: [pass, width] },
      { departmentId: uuid(), departmentName: '应急', checklistVersionId: uuid(), items: [immediate, major] },
    ],
  };

  function filled(): InspectionDraft {
    const draft = newDraft(SITE, new Date('2026-05-01T01:00:00Z'));
    draft.answers = {
      [pass.id]: answer({ mark: 'pass', note: '  ' }),
      [width.id]: answer({ value: '0.8', photos: [photo('w.jpg')] }),
      [immediate.id]: answer({ mark: 'fail', hazard: { level: 'general', mode: 'immediate', deadline: '2026-06-01', description: ' 插座老化 ', plan: { targetAndTasks: '', methodsAndMeasures: '', fundsAndMaterials: '', responsible: '', deadline: '', safetyAndEmergency: '' }, fixedOnSpotPhotos: [photo('after.jpg')] } }),
      [major.id]: answer({
        mark: 'fail',
        hazard: {
          level: 'major',
          mode: 'deadline',
          deadline: '',
          description: '',
          plan: { targetAndTasks: '拆除', methodsAndMeasures: '停用', fundsAndMaterials: '自筹', responsible: '张三', deadline: '2026-06-30', safetyAndEmergency: '警戒' },
          fixedOnSpotPhotos: [],
        },
      }),
    };
    draft.sign = { ...draft.sign, strokes: [[0.1, 0.5, 0.5, 0.5, 0.9, 0.5]], imageKey: 'sig.png', signerName: '李四', signerPhone: '13800138000', signedAt: '2026-05-01T01:30:00.000Z' };
    return draft;
  }

  it('counts progress and hazards', () => {
    expect(progressOf(form, filled(), TODAY)).toEqual({ total: 4, answered: 4, hazards: 3, major: 1, invalid: [] });
    expect(progressOf(form, newDraft(SITE), TODAY).invalid).toHaveLength(4);
  });

  it('builds a body the contract accepts, in form order, with derived results and only the relevant hazard fields', () => {
    const body = buildSubmission(form, filled(), '2026-05-01T01:31:00.000Z');
    expect(InspectionSubmission.safeParse(body).success).toBe(true);
    expect(body.answers.map((a) => a.checkItemId)).toEqual([pass.id, width.id, immediate.id, major.id]);
    expect(body.answers[0]).toEqual({ checkItemId: pass.id, result: 'pass', photos: [] });
    expect(body.answers[1]).toMatchObject({ result: 'fail', value: 0.8, photos: ['w.jpg'], hazard: { level: 'general', mode: 'deadline' } });
    expect(body.answers[2]!.hazard).toEqual({ level: 'general', mode: 'immediate', description: '插座老化', fixedOnSpotPhotos: ['after.jpg'] });
    expect(body.answers[3]!.hazard?.treatmentPlan?.deadline).toBe('2026-06-30');
    expect(body.signature).toEqual({ imageKey: 'sig.png', signerName: '李四', signerPhone: '13800138000', signedAt: '2026-05-01T01:30:00.000Z' });
    expect(body.refusal).toBeNull();
    expect(itemIdOfPath('body.answers.3.hazard.treatmentPlan.responsible', body)).toBe(major.id);
  });

  it('sends a refusal instead of a signature', () => {
    const draft = filled();
    draft.sign = { ...draft.sign, mode: 'refuse', reason: '不认可', witness: '王五（网格员）' };
    const body = buildSubmission(form, draft, '2026-05-01T01:31:00.000Z');
    expect(body.signature).toBeNull();
    expect(body.refusal).toEqual({ reason: '不认可', witness: '王五（网格员）' });
    expect(InspectionSubmission.safeParse(body).success).toBe(true);
  });

  it('checks the signature step', () => {
    const sign = filled().sign;
    expect(signIssues(sign)).toEqual([]);
    expect(signIssues({ ...sign, strokes: [[0.5, 0.5]], signerPhone: '1380013800' })).toEqual(['signature', 'signerPhone']);
    expect(signIssues({ ...sign, mode: 'refuse', reason: 'x' })).toEqual(['reason', 'witness']);
    expect(hasInk([[0, 0, 0.05, 0]])).toBe(false);
  });
});

describe('re-inspection', () => {
  it('needs a photo when fixed and a note when not, and sends only the hazards looked at', () => {
    expect(reinspectionIssues({ fixed: true, photos: [], note: '' })).toEqual(['afterPhoto']);
    expect(reinspectionIssues({ fixed: false, photos: [], note: ' ' })).toEqual(['notFixedNote']);
    const draft = newReinspection(SITE);
    const [a, b, c] = [uuid(), uuid(), uuid()];
    draft.results = { [a]: { fixed: true, photos: [photo('p.jpg')], note: '' }, [b]: { fixed: false, photos: [], note: '未到期' }, [c]: { photos: [], note: '' } };
    const body = buildReinspection(draft, [a, b, c], '2026-05-01T02:00:00.000Z');
    expect(body.results).toEqual([
      { hazardId: a, fixed: true, photos: ['p.jpg'] },
      { hazardId: b, fixed: false, photos: [], note: '未到期' },
    ]);
  });
});
