import { useCallback, useMemo, useState } from 'react';
import { Button, ProgressBar } from 'antd-mobile';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CombinedForm, InspectionSubmission, SiteDetail } from '@anxun/contracts';
import { useCombinedForm, useSite, useSubmitInspection } from '../api.ts';
import { buildSubmission, draftKey, emptyAnswer, itemIdOfPath, markGroupPassed, newDraft, progressOf, signIssues } from '../draft.ts';
import type { GpsFix, InspectionDraft, SignDraft } from '../draft.ts';
import { useGps } from '../geo.ts';
import { uploadPhoto } from '../photos.ts';
import { removeJson, todayInChina } from '../storage.ts';
import { usePersistentDraft } from '../useDraft.ts';
import { useErrorView, useOnUnauthorised } from '../errors.ts';
import type { ErrorView } from '../errors.ts';
import { MPage } from '../components/MPage.tsx';
import { ErrorPanel } from '../components/ErrorPanel.tsx';
import { confirm, toast } from '../components/feedback.ts';
import { ResultView } from '../components/ResultView.tsx';
import { Empty, Failure, Loading } from '../components/Status.tsx';
import { TextArea } from '../components/Field.tsx';
import { signaturePng } from '../components/SignaturePad.tsx';
import { GroupSection } from '../inspect/GroupSection.tsx';
import type { AnswerUpdate } from '../inspect/ItemRow.tsx';
import { SignSection } from '../inspect/SignSection.tsx';
import { GpsLine } from '../components/GpsLine.tsx';

type Group = CombinedForm['groups'][number];

/** A stored draft is resumed only if it is ours and has something in it; an untouched one restarts the clock. */
function restore(siteId: string) {
  return (stored: InspectionDraft | null): InspectionDraft | null => {
    if (!stored || stored.v !== 1 || stored.kind !== 'inspection' || stored.siteId !== siteId) return null;
    const touched = Object.keys(stored.answers).length > 0 || stored.sign.strokes.length > 0 || !!stored.submission || !!stored.result;
    return touched ? stored : null;
  };
}

function scrollToElement(id: string) {
  document.getElementById(id)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
}

const timeFormat = (language: string) => new Intl.DateTimeFormat(language.startsWith('en') ? 'en-GB' : 'zh-CN', { hour: '2-digit', minute: '2-digit' });

export default function InspectPage() {
  const { id = '' } = useParams();
  return <Inspection key={id} siteId={id} />;
}

function Inspection({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const key = draftKey(siteId);
  const [draft, setDraft, storage] = usePersistentDraft<InspectionDraft>(key, restore(siteId), () => newDraft(siteId));
  const site = useSite(siteId);
  const form = useCombinedForm(siteId);

  const discard = async () => {
    if (!(await confirm(t('mobile.inspect.discardConfirm')))) return;
    removeJson(key);
    void navigate(`/m/sites/${siteId}`, { replace: true });
  };

  if (draft.result) {
    return (
      <MPage title={t('mobile.inspect.title')}>
        <ResultView kind="inspection" result={draft.result} recovered={draft.recovered} onLeave={() => removeJson(key)} />
      </MPage>
    );
  }

  const shell = (content: React.ReactNode) => (
    <MPage title={t('mobile.inspect.title')} backTo={`/m/sites/${siteId}`}>
      {content}
    </MPage>
  );
  if (form.isPending || site.isPending) return shell(<Loading />);
  if (form.isError) return shell(<Failure error={form.error} onRetry={() => void form.refetch()} />);
  if (site.isError) return shell(<Failure error={site.error} onRetry={() => void site.refetch()} />);
  if (!form.data.groups.some((group) => group.items.length > 0)) return shell(<Empty>{t('mobile.inspect.empty')}</Empty>);

  return (
    <InspectionForm
      site={site.data}
      form={form.data}
      draft={draft}
      setDraft={setDraft}
      resumed={storage.resumed}
      onDiscard={() => void discard()}
    />
  );
}

interface FormProps {
  site: SiteDetail;
  form: CombinedForm;
  draft: InspectionDraft;
  setDraft: React.Dispatch<React.SetStateAction<InspectionDraft>>;
  resumed: boolean;
  onDiscard: () => void;
}

interface Failed {
  view: ErrorView;
  submission: InspectionSubmission | null;
}

function InspectionForm({ site, form, draft, setDraft, resumed, onDiscard }: FormProps) {
  const { t, i18n } = useTranslation();
  const errorView = useErrorView();
  const onUnauthorised = useOnUnauthorised();
  const submitMutation = useSubmitInspection(site.id);
  const [showIssues, setShowIssues] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<Failed | null>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const today = todayInChina();

  // Keep the best fix in the draft until the submission is frozen.
  const onFix = useCallback((fix: GpsFix) => setDraft((current) => (current.submission || current.result ? current : { ...current, gps: fix })), [setDraft]);
  const gps = useGps({ initial: draft.gps, onFix });

  const progress = useMemo(() => progressOf(form, draft, today), [form, draft, today]);
  const invalid = useMemo(() => new Set(progress.invalid), [progress.invalid]);
  const toggleGroup = useCallback(
    (departmentId: string) =>
      setCollapsed((current) => {
        const next = new Set(current);
        if (!next.delete(departmentId)) next.add(departmentId);
        return next;
      }),
    [],
  );
  const sign = showIssues ? signIssues(draft.sign) : null;

  // Any edit unfreezes the submission: what is sent next must be what is on screen.
  const updateAnswer = useCallback<AnswerUpdate>(
    (itemId, update) => setDraft((current) => ({ ...current, submission: null, answers: { ...current.answers, [itemId]: update(current.answers[itemId] ?? emptyAnswer()) } })),
    [setDraft],
  );
  const updateSign = useCallback((update: (sign: SignDraft) => SignDraft) => setDraft((current) => ({ ...current, submission: null, sign: update(current.sign) })), [setDraft]);

  const allPass = useCallback(
    (group: Group) => {
      const outcome = markGroupPassed(group.items, draft.answers);
      if (outcome.changed) setDraft((current) => ({ ...current, submission: null, answers: markGroupPassed(group.items, current.answers).answers }));
      const messages = [];
      if (outcome.changed) messages.push(t('mobile.inspect.allPassDone', { count: outcome.changed }));
      if (outcome.skipped) messages.push(t('mobile.inspect.allPassSkipped', { count: outcome.skipped }));
      toast(messages.join('；') || t('mobile.inspect.allPassNone'));
    },
    [draft.answers, setDraft, t],
  );

  const serverErrors = useMemo(() => {
    const byItem = new Map<string, string[]>();
    for (const detail of failed?.view.details ?? []) {
      const itemId = itemIdOfPath(detail.path, failed?.submission ?? null);
      if (itemId) byItem.set(itemId, [...(byItem.get(itemId) ?? []), detail.message]);
    }
    return byItem;
  }, [failed]);

  const codeById = useMemo(() => new Map(form.groups.flatMap((group) => group.items.map((item) => [item.id, item.code] as const))), [form]);
  const describePath = (path: string) => {
    const itemId = itemIdOfPath(path, failed?.submission ?? null);
    return itemId ? codeById.get(itemId) : undefined;
  };

  const send = (submission: InspectionSubmission, recovering = false) => {
    setBusy(true);
    submitMutation.mutate(submission, {
      onSuccess: (result) => {
        setFailed(null);
        setDraft((current) => ({ ...current, result, recovered: recovering, unconfirmed: null }));
        window.scrollTo(0, 0);
      },
      onError: (error) => {
        const view = errorView(error);
        // The server kept an earlier body whose answer was lost: fetch its result by sending it again.
        if (view.idReused && draft.unconfirmed && !recovering) {
          send(draft.unconfirmed, true);
          return;
        }
        setFailed({ view, submission });
        // A refused body was not stored, so the inspector may correct it; otherwise it stays frozen for a retry.
        if (view.rejected) setDraft((current) => ({ ...current, submission: null }));
        else setDraft((current) => ({ ...current, unconfirmed: submission }));
        window.scrollTo(0, 0);
      },
      onSettled: () => setBusy(false),
    });
  };

  const submit = async () => {
    if (busy) return;
    if (draft.submission) {
      send(draft.submission);
      return;
    }
    setShowIssues(true);
    if (progress.invalid.length) {
      toast(t('mobile.inspect.incomplete', { count: progress.invalid.length }));
      // Open the groups that hold problems, then scroll once they are rendered.
      const withProblems = new Set(form.groups.filter((group) => group.items.some((item) => invalid.has(item.id))).map((group) => group.departmentId));
      setCollapsed((current) => new Set([...current].filter((id) => !withProblems.has(id))));
      window.setTimeout(() => scrollToElement(`item-${progress.invalid[0]}`), 50);
      return;
    }
    if (signIssues(draft.sign).length) {
      scrollToElement('m-sign');
      return;
    }
    setBusy(true);
    let signed = draft;
    try {
      if (draft.sign.mode === 'sign' && !draft.sign.imageKey) {
        const photo = await uploadPhoto(site.id, await signaturePng(draft.sign.strokes), 'signature.png');
        signed = { ...draft, sign: { ...draft.sign, imageKey: photo.key } };
      }
    } catch (error) {
      onUnauthorised(error);
      setFailed({ view: errorView(error), submission: null });
      setBusy(false);
      window.scrollTo(0, 0);
      return;
    }
    const submission = buildSubmission(form, signed, new Date().toISOString());
    setDraft((current) => ({ ...current, sign: { ...current.sign, imageKey: signed.sign.imageKey }, submission }));
    send(submission);
  };

  const percent = progress.total ? Math.round((progress.answered / progress.total) * 100) : 0;
  const time = timeFormat(i18n.language);

  return (
    <MPage
      title={t('mobile.inspect.title')}
      backTo={`/m/sites/${site.id}`}
      right={
        <button type="button" className="axm-link" onClick={onDiscard} data-testid="m-discard">
          {t('mobile.inspect.discard')}
        </button>
      }
      footer={
        <>
          <div className="axm-footer-progress" data-testid="m-progress" data-answered={progress.answered} data-total={progress.total}>
            <div>
              {t('mobile.inspect.answered', { answered: progress.answered, total: progress.total })}
              {progress.hazards > 0 && <span style={{ color: 'var(--axm-fail)' }}> · {t('mobile.inspect.hazardCount', { count: progress.hazards })}</span>}
            </div>
            <ProgressBar percent={percent} style={{ '--track-width': '4px' }} />
          </div>
          <Button color="primary" loading={busy} onClick={() => void submit()} data-testid="m-submit">
            {draft.submission ? t('mobile.inspect.resubmit') : t('mobile.inspect.submit')}
          </Button>
        </>
      }
    >
      {failed && <ErrorPanel error={failed.view} describe={describePath} />}
      <section className="axm-card axm-info">
        <span className="axm-info-site">{site.name}</span>
        <span>
          {t('mobile.inspect.startedAt', { time: time.format(new Date(draft.startedAt)) })}
          {resumed && ` · ${t('mobile.inspect.resumed')}`}
        </span>
        <GpsLine state={gps.state} onRetry={gps.retry} />
      </section>

      {form.groups.map((group) =>
        group.items.length ? (
          <GroupSection
            key={group.departmentId}
            group={group}
            siteId={site.id}
            answers={draft.answers}
            today={today}
            showIssues={showIssues}
            serverErrors={serverErrors}
            invalid={invalid}
            collapsed={collapsed.has(group.departmentId)}
            onToggle={toggleGroup}
            onChange={updateAnswer}
            onAllPass={allPass}
          />
        ) : null,
      )}

      <section className="axm-card" id="m-sign" style={{ scrollMarginTop: 'calc(var(--axm-nav-h) + 8px)' }}>
        <h2 className="axm-card-title">{t('mobile.inspect.summaryTitle')}</h2>
        <p data-testid="m-summary" style={{ marginTop: 0, color: progress.hazards ? 'var(--axm-fail)' : 'var(--axm-pass)' }}>
          {progress.hazards
            ? t('mobile.inspect.summaryHazards', { count: progress.hazards }) + (progress.major ? t('mobile.inspect.summaryMajor', { count: progress.major }) : '')
            : t('mobile.inspect.summaryNone')}
        </p>
        <div className="axm-field">
          <label className="axm-field-label" htmlFor="m-notes">
            {t('mobile.inspect.notes')}
          </label>
          <TextArea id="m-notes" value={draft.notes} onChange={(notes) => setDraft((current) => ({ ...current, submission: null, notes }))} placeholder={t('mobile.inspect.notesPlaceholder')} maxLength={2000} />
        </div>
        <h2 className="axm-card-title">{t('mobile.sign.title')}</h2>
        <SignSection sign={draft.sign} issues={sign} onChange={updateSign} />
      </section>
    </MPage>
  );
}
