import { memo, useCallback, useMemo, useState } from 'react';
import { Button, ProgressBar, Tag } from 'antd-mobile';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { HazardSummary, ReinspectionSubmission } from '@anxun/contracts';
import { useOpenHazards, useSite, useSubmitReinspection } from '../api.ts';
import type { DraftPhoto, GpsFix } from '../draft.ts';
import { buildReinspection, emptyReinspectionItem, newReinspection, reinspectionIssues, reinspectionKey } from '../reinspectDraft.ts';
import type { ReinspectionDraft, ReinspectionItemDraft } from '../reinspectDraft.ts';
import { useGps } from '../geo.ts';
import { removeJson, todayInChina } from '../storage.ts';
import { usePersistentDraft } from '../useDraft.ts';
import { useErrorView } from '../errors.ts';
import type { ErrorView } from '../errors.ts';
import { MPage } from '../components/MPage.tsx';
import { ErrorPanel } from '../components/ErrorPanel.tsx';
import { confirm, toast } from '../components/feedback.ts';
import { ResultView } from '../components/ResultView.tsx';
import { Empty, Failure, Loading } from '../components/Status.tsx';
import { TextArea } from '../components/Field.tsx';
import { PhotoStrip } from '../components/PhotoStrip.tsx';
import { GpsLine } from '../components/GpsLine.tsx';

type ItemUpdate = (hazardId: string, update: (item: ReinspectionItemDraft) => ReinspectionItemDraft) => void;

function restore(siteId: string) {
  return (stored: ReinspectionDraft | null): ReinspectionDraft | null => {
    if (!stored || stored.v !== 1 || stored.kind !== 'reinspection' || stored.siteId !== siteId) return null;
    return Object.keys(stored.results).length > 0 || stored.result ? stored : null;
  };
}

export default function ReinspectPage() {
  const { id = '' } = useParams();
  return <Reinspection key={id} siteId={id} />;
}

function Reinspection({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  const key = reinspectionKey(siteId);
  const [draft, setDraft] = usePersistentDraft<ReinspectionDraft>(key, restore(siteId), () => newReinspection(siteId));
  const site = useSite(siteId);
  const hazards = useOpenHazards(siteId);

  const shell = (content: React.ReactNode) => (
    <MPage title={t('mobile.reinspect.title')} backTo={draft.result ? undefined : `/m/sites/${siteId}`}>
      {content}
    </MPage>
  );
  if (draft.result) {
    const results = draft.submission?.results ?? [];
    const fixed = results.filter((r) => r.fixed).length;
    return shell(<ResultView kind="reinspection" result={draft.result} reinspected={{ fixed, notFixed: results.length - fixed }} recovered={draft.recovered} onLeave={() => removeJson(key)} />);
  }
  if (site.isPending || hazards.isPending) return shell(<Loading />);
  if (site.isError) return shell(<Failure error={site.error} onRetry={() => void site.refetch()} />);
  if (hazards.isError) return shell(<Failure error={hazards.error} onRetry={() => void hazards.refetch()} />);
  if (hazards.data.length === 0) return shell(<Empty>{t('mobile.reinspect.none')}</Empty>);
  return <ReinspectionForm siteId={siteId} siteName={site.data.name} hazards={hazards.data} draft={draft} setDraft={setDraft} />;
}

const HazardCheck = memo(function HazardCheck({
  siteId,
  hazard,
  item,
  showIssues,
  onChange,
}: {
  siteId: string;
  hazard: HazardSummary;
  item: ReinspectionItemDraft | undefined;
  showIssues: boolean;
  onChange: ItemUpdate;
}) {
  const { t } = useTranslation();
  const current = item ?? emptyReinspectionItem();
  const update = (fn: (item: ReinspectionItemDraft) => ReinspectionItemDraft) => onChange(hazard.id, fn);
  const photos = (fn: (photos: DraftPhoto[]) => DraftPhoto[]) => update((value) => ({ ...value, photos: fn(value.photos) }));
  const issues = showIssues ? reinspectionIssues(item) : [];
  return (
    <div className={`axm-item${issues.length ? ' invalid' : ''}`} id={`hazard-${hazard.id}`} data-testid="m-hazard-item" data-hazard-id={hazard.id}>
      <p className="axm-item-text">
        {hazard.checkItemCode && <span className="axm-item-code">{hazard.checkItemCode}</span>}
        {hazard.description}
      </p>
      <div className="axm-tags">
        <Tag color={hazard.level === 'major' ? 'danger' : 'warning'} fill="outline">
          {t(`mobile.hazardLevel.${hazard.level}`)}
        </Tag>
        <Tag color={hazard.status === 'pending_review' ? 'primary' : 'default'} fill="outline">
          {t(`mobile.hazardStatus.${hazard.status}`)}
        </Tag>
        <span className="axm-muted">{hazard.departmentName}</span>
        {hazard.deadline && <span className="axm-muted">{t('mobile.site.deadline', { date: hazard.deadline })}</span>}
        {hazard.overdue && <Tag color="danger">{t('mobile.site.overdue')}</Tag>}
        <span className="axm-muted">{t('mobile.reinspect.found', { date: todayInChina(new Date(hazard.foundAt)) })}</span>
      </div>
      <div className="axm-answers">
        <button type="button" className="axm-answer pass" aria-pressed={current.fixed === true} onClick={() => update((value) => ({ ...value, fixed: true }))} data-testid="m-fixed">
          {t('mobile.reinspect.fixed')}
        </button>
        <button type="button" className="axm-answer fail" aria-pressed={current.fixed === false} onClick={() => update((value) => ({ ...value, fixed: false }))} data-testid="m-not-fixed">
          {t('mobile.reinspect.notFixed')}
        </button>
      </div>
      {current.fixed !== undefined && (
        <>
          {current.fixed && <PhotoStrip siteId={siteId} photos={current.photos} onChange={photos} required label={t('mobile.reinspect.afterPhotos')} />}
          <div className="axm-sub">
            <TextArea
              value={current.note}
              onChange={(note) => update((value) => ({ ...value, note }))}
              placeholder={current.fixed ? t('mobile.reinspect.fixedNotePlaceholder') : t('mobile.reinspect.notePlaceholder')}
              maxLength={1000}
              aria-label={t('mobile.inspect.note')}
              data-testid="m-note"
            />
          </div>
        </>
      )}
      {issues.length > 0 && (
        <ul className="axm-issues">
          {issues.map((issue) => (
            <li key={issue}>{t(`mobile.issue.${issue}`)}</li>
          ))}
        </ul>
      )}
    </div>
  );
});

interface FormProps {
  siteId: string;
  siteName: string;
  hazards: HazardSummary[];
  draft: ReinspectionDraft;
  setDraft: React.Dispatch<React.SetStateAction<ReinspectionDraft>>;
}

function ReinspectionForm({ siteId, siteName, hazards, draft, setDraft }: FormProps) {
  const { t } = useTranslation();
  const errorView = useErrorView();
  const submitMutation = useSubmitReinspection(siteId);
  const [showIssues, setShowIssues] = useState(false);
  const [failed, setFailed] = useState<{ view: ErrorView; submission: ReinspectionSubmission } | null>(null);

  const onFix = useCallback((fix: GpsFix) => setDraft((current) => (current.submission || current.result ? current : { ...current, gps: fix })), [setDraft]);
  const gps = useGps({ initial: draft.gps, onFix });

  const update = useCallback<ItemUpdate>(
    (hazardId, fn) => setDraft((current) => ({ ...current, submission: null, results: { ...current.results, [hazardId]: fn(current.results[hazardId] ?? emptyReinspectionItem()) } })),
    [setDraft],
  );

  const done = hazards.filter((hazard) => draft.results[hazard.id]?.fixed !== undefined).length;
  const invalid = useMemo(() => hazards.filter((hazard) => reinspectionIssues(draft.results[hazard.id]).length > 0), [hazards, draft.results]);

  const describePath = (path: string) => {
    const match = /^(?:body\.)?results\.(\d+)/.exec(path);
    const hazardId = match ? failed?.submission.results[Number(match[1])]?.hazardId : undefined;
    return hazardId ? hazards.find((hazard) => hazard.id === hazardId)?.checkItemCode ?? undefined : undefined;
  };

  const send = (submission: ReinspectionSubmission, recovering = false): void =>
    submitMutation.mutate(submission, {
      onSuccess: (result) => {
        setFailed(null);
        // The summary counts what the server actually got.
        setDraft((current) => ({ ...current, result, submission, recovered: recovering, unconfirmed: null }));
        window.scrollTo(0, 0);
      },
      onError: (error) => {
        const view = errorView(error);
        if (view.idReused && draft.unconfirmed && !recovering) {
          send(draft.unconfirmed, true);
          return;
        }
        setFailed({ view, submission });
        if (view.rejected) setDraft((current) => ({ ...current, submission: null }));
        else setDraft((current) => ({ ...current, unconfirmed: submission }));
        window.scrollTo(0, 0);
      },
    });

  const submit = async () => {
    if (submitMutation.isPending) return;
    if (draft.submission) {
      send(draft.submission);
      return;
    }
    setShowIssues(true);
    if (invalid.length) {
      toast(t('mobile.inspect.incomplete', { count: invalid.length }));
      document.getElementById(`hazard-${invalid[0]!.id}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      return;
    }
    if (done === 0) {
      toast(t('mobile.reinspect.nothingChosen'));
      return;
    }
    if (done < hazards.length && !(await confirm(t('mobile.reinspect.partialConfirm', { count: hazards.length - done })))) return;
    const submission = buildReinspection(draft, hazards.map((hazard) => hazard.id), new Date().toISOString());
    setDraft((current) => ({ ...current, submission }));
    send(submission);
  };

  return (
    <MPage
      title={t('mobile.reinspect.title')}
      backTo={`/m/sites/${siteId}`}
      footer={
        <>
          <div className="axm-footer-progress" data-testid="m-progress" data-answered={done} data-total={hazards.length}>
            <div>{t('mobile.reinspect.progress', { done, total: hazards.length })}</div>
            <ProgressBar percent={Math.round((done / hazards.length) * 100)} style={{ '--track-width': '4px' }} />
          </div>
          <Button color="primary" loading={submitMutation.isPending} onClick={() => void submit()} data-testid="m-submit">
            {draft.submission ? t('mobile.inspect.resubmit') : t('mobile.reinspect.submit')}
          </Button>
        </>
      }
    >
      {failed && <ErrorPanel error={failed.view} describe={describePath} />}
      <section className="axm-card axm-info">
        <span className="axm-info-site">{siteName}</span>
        <span>{t('mobile.reinspect.hint')}</span>
        <GpsLine state={gps.state} onRetry={gps.retry} />
      </section>
      <section className="axm-list">
        {hazards.map((hazard) => (
          <HazardCheck key={hazard.id} siteId={siteId} hazard={hazard} item={draft.results[hazard.id]} showIssues={showIssues} onChange={update} />
        ))}
      </section>
      <section className="axm-card" style={{ marginTop: 12 }}>
        <label className="axm-field-label" htmlFor="m-notes">
          {t('mobile.inspect.notes')}
        </label>
        <TextArea id="m-notes" value={draft.notes} onChange={(notes) => setDraft((current) => ({ ...current, submission: null, notes }))} placeholder={t('mobile.inspect.notesPlaceholder')} maxLength={2000} />
      </section>
    </MPage>
  );
}
