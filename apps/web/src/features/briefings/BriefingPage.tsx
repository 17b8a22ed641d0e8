import { useEffect, useMemo } from 'react';
import { Alert, Button, DatePicker, Empty, Select, Space, Spin } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Briefing } from '@anxun/contracts';
import { PageHeader } from '../../app/components/PageHeader.tsx';
import { LoadError } from '../../app/components/Status.tsx';
import { useRankingCampaigns } from '../rankings/api.ts';
import { briefingPdfUrl, useBriefing } from './api.ts';
import { TrendChart, VillageChart } from './charts.tsx';
import { HeadlineTable, NailsTable, OverdueTable, RankingTable } from './tables.tsx';
import './briefing.css';

const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const minDay = (a: string, b: string) => (a < b ? a : b);

/** 每日通报: the day's briefing laid out as an A4 document, printable as it is or downloaded as the server's PDF. */
export default function BriefingPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const campaigns = useRankingCampaigns();
  const items = useMemo(() => campaigns.data?.items ?? [], [campaigns.data]);
  const campaign = items.find((c) => c.id === params.get('campaign')) ?? items.find((c) => c.status === 'active') ?? items[0];
  const today = shanghaiToday();
  const lastDay = campaign ? minDay(campaign.endsOn, today) : today;
  // Yesterday is the last complete day (its snapshot is taken at 24:00); a campaign that began today has only today so far.
  const defaultDay = campaign ? (campaign.startsOn < lastDay ? minDay(lastDay, dayjs(today).subtract(1, 'day').format('YYYY-MM-DD')) : lastDay) : undefined;
  const day = params.get('day') ?? defaultDay;
  const started = !!campaign && campaign.startsOn <= today;
  const briefing = useBriefing(started ? campaign?.id : undefined, day);

  const set = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v === null) next.delete(k);
          else next.set(k, v);
        }
        return next;
      },
      { replace: true },
    );

  useEffect(() => {
    if (campaign && params.get('campaign') !== campaign.id) set({ campaign: campaign.id });
    // Only once the list has arrived.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [campaign?.id]);

  const outside = (d: dayjs.Dayjs) => !campaign || d.format('YYYY-MM-DD') < campaign.startsOn || d.format('YYYY-MM-DD') > lastDay;
  const b = briefing.data;

  return (
    <div className="brf-page">
      <div className="brf-toolbar">
        <PageHeader
          title={t('briefings.title')}
          subtitle={t('briefings.subtitle')}
          extra={
            <Space wrap>
              <Select
                style={{ minWidth: 220 }}
                placeholder={t('briefings.campaign')}
                value={campaign?.id}
                options={items.map((c) => ({ value: c.id, label: c.name }))}
                onChange={(id) => set({ campaign: id, day: null })}
                data-testid="briefing-campaign"
              />
              <DatePicker allowClear={false} value={day ? dayjs(day) : null} disabledDate={outside} onChange={(d) => d && set({ day: d.format('YYYY-MM-DD') })} data-testid="briefing-day" />
              <Button icon={<DownloadOutlined />} type="primary" disabled={!b} href={b ? briefingPdfUrl(b.campaign.id, b.day) : undefined} download data-testid="briefing-download">
                {t('briefings.download')}
              </Button>
              <Button icon={<PrinterOutlined />} disabled={!b} onClick={() => window.print()} data-testid="briefing-print">
                {t('briefings.print')}
              </Button>
            </Space>
          }
        />
      </div>
      {campaigns.isError ? (
        <LoadError error={campaigns.error} onRetry={() => void campaigns.refetch()} />
      ) : !campaigns.isLoading && !campaign ? (
        <Empty description={t('briefings.noCampaign')} />
      ) : campaign && !started ? (
        <Alert type="info" showIcon message={t('briefings.notStarted')} />
      ) : briefing.isError ? (
        <LoadError error={briefing.error} onRetry={() => void briefing.refetch()} />
      ) : !b ? (
        <Spin style={{ display: 'block', margin: '64px auto' }} />
      ) : (
        <BriefingDocument b={b} />
      )}
    </div>
  );
}

function BottomLine({ label, names }: { label: string; names: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <p className="brf-bottom-line">
      <strong>{label}：</strong>
      <span className="brf-red">{names.length ? names.join('、') : t('briefings.none')}</span>
    </p>
  );
}

function BriefingDocument({ b }: { b: Briefing }) {
  const { t } = useTranslation();
  const [year, month, date] = b.day.split('-').map(Number);
  const time = b.live ? dayjs(b.computedAt).format('M月D日 HH:mm') : `${month}月${date}日24时`;
  return (
    <article className="brf-doc" data-testid="briefing-document">
      <header className="brf-masthead">
        <h1 data-testid="briefing-title">{t('briefings.docTitle')}</h1>
        <div className="brf-issue">{t('briefings.issue', { n: b.issueNo })}</div>
        <div className="brf-meta">
          <span>{t('briefings.office', { name: b.campaign.name })}</span>
          <span data-testid="briefing-date">
            {year}年{month}月{date}日{b.live && t('briefings.soFar')}
          </span>
        </div>
      </header>
      <p className="brf-summary" data-testid="briefing-summary">
        {b.summary}
      </p>

      <section className="brf-section">
        <h2>{t('briefings.sections.headline')}</h2>
        <HeadlineTable b={b} />
        <p className="brf-note">{t('briefings.asOf', { time })}</p>
      </section>

      <section className="brf-section">
        <h2>{t('briefings.sections.trend')}</h2>
        <TrendChart trend={b.trend} />
      </section>

      <section className="brf-section brf-break">
        <h2>{t('briefings.sections.villages')}</h2>
        <BottomLine label={t('briefings.bottomInspection')} names={b.bottom.villages.inspection} />
        <BottomLine label={t('briefings.bottomCloseOut')} names={b.bottom.villages.closeOut} />
        <VillageChart villages={b.villages} />
        <RankingTable rows={b.villages} weekly={false} testId="briefing-villages" />
        <p className="brf-note">{t('briefings.bottomNote')}</p>
      </section>

      <section className="brf-section brf-break">
        <h2>{t('briefings.sections.squads')}</h2>
        {b.squads.length ? (
          <>
            <BottomLine label={t('briefings.bottomInspection')} names={b.bottom.squads.inspection} />
            <BottomLine label={t('briefings.bottomCloseOut')} names={b.bottom.squads.closeOut} />
            <RankingTable rows={b.squads} weekly testId="briefing-squads" />
          </>
        ) : (
          <p>{t('briefings.noSquads')}</p>
        )}
      </section>

      <section className="brf-section">
        <h2>{t('briefings.sections.overdue')}</h2>
        <OverdueTable b={b} />
      </section>

      <section className="brf-section">
        <h2>{t('briefings.sections.nails', { month: Number(b.nails.month.slice(5)) })}</h2>
        <NailsTable b={b} />
      </section>
    </article>
  );
}
