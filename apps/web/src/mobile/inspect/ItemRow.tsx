import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckItem } from '@anxun/contracts';
import { defaultHazard, emptyAnswer, itemIssues, needsPhoto, resultOf } from '../draft.ts';
import type { AnswerDraft, AnswerResult, DraftPhoto, HazardDraft } from '../draft.ts';
import { isEnglish } from '../errors.ts';
import { TextArea, TextInput } from '../components/Field.tsx';
import { PhotoStrip } from '../components/PhotoStrip.tsx';
import { HazardFields } from './HazardFields.tsx';

const HAZARD_ISSUES = new Set(['planField', 'planDeadlinePast', 'deadlinePast']);

export type AnswerUpdate = (itemId: string, update: (answer: AnswerDraft) => AnswerDraft) => void;

interface Props {
  item: CheckItem;
  siteId: string;
  answer: AnswerDraft | undefined;
  today: string;
  /** Red marks appear only after the first submit attempt, not while the form is being filled. */
  showIssues: boolean;
  serverErrors?: string[];
  onChange: AnswerUpdate;
}

function ResultButtons({ value, onChange }: { value: AnswerResult | undefined; onChange: (result: AnswerResult) => void }) {
  const { t } = useTranslation();
  return (
    <div className="axm-answers" role="group">
      {(['pass', 'fail', 'na'] as const).map((result) => (
        <button key={result} type="button" className={`axm-answer ${result}`} aria-pressed={value === result} onClick={() => onChange(result)} data-testid={`m-answer-${result}`}>
          {t(`mobile.inspect.${result}`)}
        </button>
      ))}
    </div>
  );
}

function NaButton({ active, onToggle }: { active: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="axm-answer na" aria-pressed={active} onClick={onToggle} data-testid="m-answer-na">
      {t('mobile.inspect.na')}
    </button>
  );
}

/**
 * One check item: its question, the answer control for its type, photos, a note, and — when it
 * fails — the hazard it will create. Memoised: typing in one item does not re-render the others.
 */
export const ItemRow = memo(function ItemRow({ item, siteId, answer, today, showIssues, serverErrors, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const [noteOpen, setNoteOpen] = useState(false);
  const update = (fn: (answer: AnswerDraft) => AnswerDraft) => onChange(item.id, fn);
  const result = resultOf(item, answer);
  const issues = showIssues ? itemIssues(item, answer, today) : null;
  const invalid = !!issues?.length || !!serverErrors?.length;
  // Hazard-field problems show next to their fields; the rest under the item.
  const ownIssues = (issues ?? []).filter((issue) => !HAZARD_ISSUES.has(issue.key));
  const a = answer ?? emptyAnswer();
  const na = a.mark === 'na';

  const toggleNa = () => update((current) => (current.mark === 'na' ? { ...current, mark: undefined } : { ...current, mark: 'na', value: '', choice: undefined }));
  const photos = (fn: (photos: DraftPhoto[]) => DraftPhoto[]) => update((current) => ({ ...current, photos: fn(current.photos) }));
  const hazard = (fn: (hazard: HazardDraft) => HazardDraft) => update((current) => ({ ...current, hazard: fn(current.hazard ?? defaultHazard(item)) }));

  // The first passing and the first failing option carry the pass/fail test ids of other item types.
  const firstPass = item.choices?.find((choice) => !choice.fails)?.value;
  const firstFail = item.choices?.find((choice) => choice.fails)?.value;
  const english = isEnglish(i18n.language);

  return (
    <div
      className={`axm-item${invalid ? ' invalid' : result === 'fail' ? ' failed' : ''}`}
      id={`item-${item.id}`}
      data-testid="m-item"
      data-code={item.code}
      data-result={result ?? ''}
      data-answer-type={item.answerType}
    >
      <p className="axm-item-text">
        <span className="axm-item-code">{item.code}</span>
        {english ? item.textEn : item.text}
      </p>
      <details className="axm-item-basis">
        <summary>
          {t('mobile.inspect.legalBasis')}
          {item.suggestedFix ? ` · ${t('mobile.inspect.suggestedFix')}` : ''}
        </summary>
        <p>{item.legalBasis}</p>
        {item.suggestedFix && <p>{t('mobile.inspect.suggestedFix')}：{item.suggestedFix}</p>}
      </details>

      {(item.answerType === 'pass_fail' || item.answerType === 'photo') && (
        <ResultButtons value={a.mark} onChange={(mark) => update((current) => ({ ...current, mark }))} />
      )}

      {item.answerType === 'number' && (
        <>
          <div className="axm-number">
            <TextInput
              type="text"
              inputMode="decimal"
              enterKeyHint="done"
              autoComplete="off"
              placeholder={t('mobile.inspect.valuePlaceholder')}
              value={a.value}
              disabled={na}
              onChange={(value) => update((current) => ({ ...current, value, mark: undefined }))}
              aria-label={english ? item.textEn : item.text}
              data-testid="m-answer-number"
            />
            {item.threshold?.unit && <span className="axm-number-unit">{item.threshold.unit}</span>}
            {(result === 'pass' || result === 'fail') && (
              <span className={`axm-verdict ${result}`} data-testid="m-verdict">
                {t(`mobile.inspect.${result}`)}
              </span>
            )}
            <NaButton active={na} onToggle={toggleNa} />
          </div>
          {item.threshold && (
            <div className="axm-hint">
              {t('mobile.inspect.failsWhen', { op: t(`mobile.inspect.op.${item.threshold.op}`), value: item.threshold.value, unit: item.threshold.unit })}
            </div>
          )}
        </>
      )}

      {item.answerType === 'choice' && (
        <div className="axm-choices" role="radiogroup">
          {(item.choices ?? []).map((choice) => (
            <button
              key={choice.value}
              type="button"
              role="radio"
              aria-checked={!na && a.choice === choice.value}
              className={`axm-choice${choice.fails ? ' fails' : ''}`}
              onClick={() => update((current) => ({ ...current, choice: choice.value, mark: undefined }))}
              data-testid={choice.value === firstPass ? 'm-answer-pass' : choice.value === firstFail ? 'm-answer-fail' : 'm-answer-choice'}
              data-value={choice.value}
            >
              {choice.label}
            </button>
          ))}
          <div className="axm-answers">
            <NaButton active={na} onToggle={toggleNa} />
          </div>
        </div>
      )}

      {!na && (
        <PhotoStrip siteId={siteId} photos={a.photos} onChange={photos} required={needsPhoto(item)} />
      )}

      {!na && result === 'fail' && (
        <HazardFields item={item} siteId={siteId} hazard={a.hazard ?? defaultHazard(item)} today={today} issues={issues} onChange={hazard} />
      )}

      {noteOpen || a.note ? (
        <div className="axm-sub">
          <TextArea value={a.note} onChange={(note) => update((current) => ({ ...current, note }))} placeholder={t('mobile.inspect.notePlaceholder')} maxLength={1000} aria-label={t('mobile.inspect.note')} data-testid="m-note" />
        </div>
      ) : (
        <button type="button" className="axm-link" onClick={() => setNoteOpen(true)}>
          + {t('mobile.inspect.addNote')}
        </button>
      )}

      {(ownIssues.length > 0 || !!serverErrors?.length) && (
        <ul className="axm-issues" data-testid="m-item-issues">
          {ownIssues.map((issue) => (
            <li key={issue.key}>{t(`mobile.issue.${issue.key}`)}</li>
          ))}
          {serverErrors?.map((message, index) => <li key={`s${index}`}>{message}</li>)}
        </ul>
      )}
    </div>
  );
});
