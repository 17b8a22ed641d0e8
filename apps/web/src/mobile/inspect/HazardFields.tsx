import { useTranslation } from 'react-i18next';
import type { CheckItem } from '@anxun/contracts';
import { HAZARD_LEVELS, RECTIFICATION_MODES } from '@anxun/contracts';
import { PLAN_FIELDS } from '../draft.ts';
import type { DraftPhoto, HazardDraft, Issue } from '../draft.ts';
import { Field, TextArea, TextInput } from '../components/Field.tsx';
import { Segment } from '../components/Segment.tsx';
import { PhotoStrip } from '../components/PhotoStrip.tsx';

interface Props {
  item: CheckItem;
  siteId: string;
  hazard: HazardDraft;
  today: string;
  issues: Issue[] | null;
  onChange: (update: (hazard: HazardDraft) => HazardDraft) => void;
}

/** What the failed item's hazard becomes: level, how and by when it is fixed, and for a major one the 六落实 plan. */
export function HazardFields({ item, siteId, hazard, today, issues, onChange }: Props) {
  const { t } = useTranslation();
  const set = <K extends keyof HazardDraft>(key: K, value: HazardDraft[K]) => onChange((current) => ({ ...current, [key]: value }));
  const setPlan = (field: (typeof PLAN_FIELDS)[number], value: string) => onChange((current) => ({ ...current, plan: { ...current.plan, [field]: value } }));
  const fixedPhotos = (update: (photos: DraftPhoto[]) => DraftPhoto[]) => onChange((current) => ({ ...current, fixedOnSpotPhotos: update(current.fixedOnSpotPhotos) }));
  const has = (key: string, field?: string) => !!issues?.some((issue) => issue.key === key && issue.field === field);
  const id = (name: string) => `h-${item.id}-${name}`;

  return (
    <div className="axm-hazard-box" data-testid="m-hazard">
      <h3 className="axm-card-title">{t('mobile.inspect.hazardTitle')}</h3>
      <Field label={t('mobile.inspect.level')}>
        <Segment
          label={t('mobile.inspect.level')}
          value={hazard.level}
          onChange={(level) => set('level', level)}
          options={HAZARD_LEVELS.map((level) => ({ value: level, label: t(`mobile.hazardLevel.${level}`), testId: `m-level-${level}` }))}
        />
      </Field>
      <Field label={t('mobile.inspect.mode')}>
        <Segment
          label={t('mobile.inspect.mode')}
          value={hazard.mode}
          onChange={(mode) => set('mode', mode)}
          options={RECTIFICATION_MODES.map((mode) => ({ value: mode, label: t(`mobile.rectificationMode.${mode}`), testId: `m-mode-${mode}` }))}
        />
      </Field>
      {hazard.mode === 'deadline' && (
        <Field label={t('mobile.inspect.deadline')} htmlFor={id('deadline')} error={has('deadlinePast') && t('mobile.issue.deadlinePast')}>
          <TextInput id={id('deadline')} type="date" min={today} value={hazard.deadline} onChange={(value) => set('deadline', value)} data-testid="m-deadline" />
          <div className="axm-hint">{item.defaultDays > 0 ? t('mobile.inspect.deadlineAuto', { days: item.defaultDays }) : t('mobile.inspect.deadlineAutoNone')}</div>
        </Field>
      )}
      {hazard.mode === 'immediate' && (
        <Field label={t('mobile.inspect.fixedOnSpot')}>
          <div className="axm-hint">{t('mobile.inspect.fixedOnSpotHint')}</div>
          <PhotoStrip siteId={siteId} photos={hazard.fixedOnSpotPhotos} onChange={fixedPhotos} testId="m-fixed-photo-input" />
        </Field>
      )}
      <Field label={t('mobile.inspect.description')} htmlFor={id('description')}>
        <TextArea id={id('description')} value={hazard.description} onChange={(value) => set('description', value)} placeholder={t('mobile.inspect.descriptionPlaceholder')} maxLength={1000} data-testid="m-hazard-description" />
      </Field>
      {hazard.level === 'major' && (
        <div className="axm-plan" data-testid="m-plan">
          <h3 className="axm-card-title">{t('mobile.inspect.plan')}</h3>
          {PLAN_FIELDS.map((field) => (
            <Field
              key={field}
              label={t(`mobile.plan.${field}`)}
              htmlFor={id(field)}
              required
              error={(has('planField', field) && t('mobile.issue.planField', { field: t(`mobile.plan.${field}`) })) || (field === 'deadline' && has('planDeadlinePast') && t('mobile.issue.planDeadlinePast'))}
            >
              {field === 'deadline' ? (
                <TextInput id={id(field)} type="date" min={today} value={hazard.plan.deadline} onChange={(value) => setPlan(field, value)} data-testid={`m-plan-${field}`} />
              ) : (
                <TextArea id={id(field)} value={hazard.plan[field]} onChange={(value) => setPlan(field, value)} placeholder={t(`mobile.planPlaceholder.${field}`)} maxLength={5000} data-testid={`m-plan-${field}`} />
              )}
            </Field>
          ))}
        </div>
      )}
    </div>
  );
}
