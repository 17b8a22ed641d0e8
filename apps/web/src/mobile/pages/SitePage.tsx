import { useEffect, useState } from 'react';
import { Button, Tag } from 'antd-mobile';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { HazardSummary } from '@anxun/contracts';
import { ApiRequestError } from '../../app/api.ts';
import { useOpenHazards, useSite } from '../api.ts';
import { draftKey } from '../draft.ts';
import type { InspectionDraft } from '../draft.ts';
import { reinspectionKey } from '../reinspectDraft.ts';
import type { ReinspectionDraft } from '../reinspectDraft.ts';
import { loadJson, removeJson } from '../storage.ts';
import { MPage } from '../components/MPage.tsx';
import { ColourDot } from '../components/ColourDot.tsx';
import { Empty, Failure, Loading } from '../components/Status.tsx';

/** Warm the inspection screen's chunk while the inspector reads the site summary. */
const preloadInspect = () => void import('./InspectPage.tsx');

/** Drafts that reached a result are finished: forget them when the site screen shows again. */
function unfinishedDraft(siteId: string): InspectionDraft | null {
  const draft = loadJson<InspectionDraft>(draftKey(siteId));
  if (draft?.result) {
    removeJson(draftKey(siteId));
    return null;
  }
  const reinspection = loadJson<ReinspectionDraft>(reinspectionKey(siteId));
  if (reinspection?.result) removeJson(reinspectionKey(siteId));
  return draft?.v === 1 ? draft : null;
}

export function HazardRow({ hazard }: { hazard: HazardSummary }) {
  const { t } = useTranslation();
  return (
    <div className="axm-hazard">
      <p className="axm-hazard-desc">{hazard.description}</p>
      <div className="axm-tags">
        <Tag color={hazard.level === 'major' ? 'danger' : 'warning'} fill="outline">
          {t(`mobile.hazardLevel.${hazard.level}`)}
        </Tag>
        <Tag color={hazard.status === 'pending_review' ? 'primary' : 'default'} fill="outline">
          {t(`mobile.hazardStatus.${hazard.status}`)}
        </Tag>
        <span className="axm-muted">{t(`mobile.rectificationMode.${hazard.mode}`)}</span>
        {hazard.deadline && <span className="axm-muted">{t('mobile.site.deadline', { date: hazard.deadline })}</span>}
        {hazard.overdue && <Tag color="danger">{t('mobile.site.overdue')}</Tag>}
      </div>
    </div>
  );
}

export default function SitePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const site = useSite(id);
  const hazards = useOpenHazards(id);
  const [draft] = useState(() => unfinishedDraft(id));

  useEffect(preloadInspect, []);

  if (site.isPending) return <MPage title={t('mobile.site.title')} backTo="/m"><Loading /></MPage>;
  if (site.isError) {
    const missing = site.error instanceof ApiRequestError && (site.error.status === 404 || site.error.status === 403);
    return (
      <MPage title={t('mobile.site.title')} backTo="/m">
        {missing ? <Empty>{t('mobile.site.notFound')}</Empty> : <Failure error={site.error} onRetry={() => void site.refetch()} />}
      </MPage>
    );
  }

  const s = site.data;
  const open = hazards.data ?? [];
  return (
    <MPage
      title={t('mobile.site.title')}
      backTo="/m"
      footer={
        <>
          {open.length > 0 && (
            <Button onClick={() => void navigate(`/m/sites/${id}/reinspect`)} data-testid="m-reinspect">
              {t('mobile.site.reinspect')}
            </Button>
          )}
          <Button color="primary" onClick={() => void navigate(`/m/sites/${id}/inspect`)} data-testid="m-start-inspection">
            {draft ? t('mobile.site.resume') : t('mobile.site.start')}
          </Button>
        </>
      }
    >
      <section className="axm-card">
        <h1 className="axm-site-title">
          <ColourDot colour={s.colour} />
          <span>{s.name}</span>
        </h1>
        <dl className="axm-desc">
          <dt>{t('mobile.site.kind')}</dt>
          <dd>{t(`enum.siteKind.${s.kind}`, { defaultValue: s.kind })}</dd>
          <dt>{t('mobile.site.colour')}</dt>
          <dd>{t(`enum.colour.${s.colour}`, { defaultValue: s.colour })}</dd>
          <dt>{t('mobile.site.address')}</dt>
          <dd>{s.address}</dd>
          <dt>{t('mobile.site.area')}</dt>
          <dd>{s.areaName}</dd>
          {s.responsiblePerson && (
            <>
              <dt>{t('mobile.site.responsible')}</dt>
              <dd>{s.responsiblePerson}</dd>
            </>
          )}
          {s.phone && (
            <>
              <dt>{t('mobile.site.phone')}</dt>
              <dd>
                <a href={`tel:${s.phone}`}>{s.phone}</a>
              </dd>
            </>
          )}
        </dl>
      </section>
      <section className="axm-card">
        <h2 className="axm-card-title">{hazards.isSuccess ? t('mobile.site.openHazards', { count: open.length }) : t('mobile.site.openHazardsTitle')}</h2>
        {hazards.isPending ? (
          <Loading />
        ) : hazards.isError ? (
          <Failure error={hazards.error} onRetry={() => void hazards.refetch()} />
        ) : open.length === 0 ? (
          <div className="axm-muted">{t('mobile.site.noOpenHazards')}</div>
        ) : (
          open.map((hazard) => <HazardRow key={hazard.id} hazard={hazard} />)
        )}
      </section>
    </MPage>
  );
}
