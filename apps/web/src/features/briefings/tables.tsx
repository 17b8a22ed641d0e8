import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Briefing, RankingRow } from '@anxun/contracts';

export const percent = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);
const signed = (n: number | null | undefined, unit = '') => (n === null || n === undefined ? '—' : `${n > 0 ? '+' : ''}${n}${unit}`);

function Change({ value }: { value: number | null }) {
  if (value === null || value === 0) return <span className="brf-flat">—</span>;
  return value > 0 ? <span className="brf-up">▲{value}</span> : <span className="brf-down">▼{-value}</span>;
}

export function HeadlineTable({ b }: { b: Briefing }) {
  const { t } = useTranslation();
  const h = b.headline;
  const c = h.change;
  const points = (n: number | null | undefined) => (n === null || n === undefined ? '—' : t('briefings.figures.points', { n: signed(n) }));
  const rows: [string, ReactNode, string, string, ReactNode, string][] = [
    [t('briefings.figures.sitesInScope'), h.sitesInScope, signed(c?.sitesInScope), t('briefings.figures.hazardsFound'), h.hazardsFound, signed(c?.hazardsFound)],
    [t('briefings.figures.sitesInspected'), h.sitesInspected, signed(c?.sitesInspected), t('briefings.figures.hazardsClosed'), h.hazardsClosed, signed(c?.hazardsClosed)],
    [t('briefings.figures.inspectionRate'), percent(h.inspectionRate), points(c?.inspectionRatePoints), t('briefings.figures.closeOutRate'), percent(h.closeOutRate), points(c?.closeOutRatePoints)],
    [t('briefings.figures.hazardsOverdue'), h.hazardsOverdue, '—', t('briefings.figures.openMajorHazards'), h.openMajorHazards, '—'],
  ];
  return (
    <table className="brf-table" data-testid="briefing-headline">
      <thead>
        <tr>
          {[0, 1].map((i) => [<th key={`a${i}`}>{t('briefings.columns.name')}</th>, <th key={`b${i}`}>{t('briefings.figures.value')}</th>, <th key={`c${i}`}>{t('briefings.figures.change')}</th>])}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r[0]}>
            <th>{r[0]}</th>
            <td className="num">{r[1]}</td>
            <td className="num brf-flat">{r[2]}</td>
            <th>{r[3]}</th>
            <td className="num">{r[4]}</td>
            <td className="num brf-flat">{r[5]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function RankingTable({ rows, weekly, testId }: { rows: readonly RankingRow[]; weekly: boolean; testId: string }) {
  const { t } = useTranslation();
  const week = (actual: number, target: number | undefined, share: number | null) => (target === undefined ? '—' : `${actual}/${target} ${share === null ? '—' : `${Math.round(share * 100)}%`}`);
  return (
    <table className="brf-table" data-testid={testId}>
      <thead>
        <tr>
          {['name', 'inScope', 'inspected', 'inspectionRate', 'rank', 'change', 'found', 'closed', 'closeOutRate', 'rank', 'change', ...(weekly ? ['weeklySites', 'weeklyHazards'] : [])].map((k, i) => (
            <th key={i}>{t(`briefings.columns.${k}`)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const bottom = r.inspectionBottom || r.closeOutBottom;
          return (
            <tr key={r.unitId} className={bottom ? 'brf-bottom' : undefined} data-bottom={bottom || undefined}>
              <th>
                {r.name}
                {bottom && ' ★'}
              </th>
              <td className="num">{r.sitesInScope}</td>
              <td className="num">{r.sitesInspected}</td>
              <td className={`num${r.inspectionBottom ? ' brf-red' : ''}`}>{percent(r.inspectionRate)}</td>
              <td className={`num${r.inspectionBottom ? ' brf-red' : ''}`}>{r.inspectionRank}</td>
              <td className="num">
                <Change value={r.inspectionRankChange} />
              </td>
              <td className="num">{r.hazardsFound}</td>
              <td className="num">{r.hazardsClosed}</td>
              <td className={`num${r.closeOutBottom ? ' brf-red' : ''}`}>{percent(r.closeOutRate)}</td>
              <td className={`num${r.closeOutBottom ? ' brf-red' : ''}`}>{r.closeOutRank}</td>
              <td className="num">
                <Change value={r.closeOutRankChange} />
              </td>
              {weekly && (
                <>
                  <td className="num">{r.weekly ? week(r.weekly.actual.sitesInspected, r.weekly.target?.sitesInspected, r.weekly.attainment.sitesInspected) : '—'}</td>
                  <td className="num">{r.weekly ? week(r.weekly.actual.hazardsClosed, r.weekly.target?.hazardsClosed, r.weekly.attainment.hazardsClosed) : '—'}</td>
                </>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function OverdueTable({ b }: { b: Briefing }) {
  const { t } = useTranslation();
  if (b.overdue.items.length === 0) return <p>{t('briefings.noOverdue')}</p>;
  return (
    <>
      <table className="brf-table" data-testid="briefing-overdue">
        <thead>
          <tr>
            {['site', 'area', 'hazard', 'department', 'deadline', 'daysOverdue'].map((k) => (
              <th key={k}>{t(`briefings.columns.${k}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {b.overdue.items.map((o) => (
            <tr key={o.hazardId}>
              <td>{o.siteName}</td>
              <td>{o.areaName}</td>
              <td className={o.level === 'major' ? 'brf-red' : undefined}>
                {o.level === 'major' && `【${t('briefings.major')}】`}
                {o.description}
              </td>
              <td>{o.departmentName}</td>
              <td className="num">{o.deadline}</td>
              <td className="num brf-red">{o.daysOverdue}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="brf-note">{t('briefings.overdueNote', { total: b.overdue.total, n: b.overdue.items.length })}</p>
    </>
  );
}

export function NailsTable({ b }: { b: Briefing }) {
  const { t } = useTranslation();
  if (b.nails.rows.length === 0) return <p>{t('briefings.noNails')}</p>;
  return (
    <table className="brf-table" data-testid="briefing-nails">
      <thead>
        <tr>
          {['nail', 'area', 'status', 'progress', 'reports', 'milestonesOverdue'].map((k) => (
            <th key={k}>{t(`briefings.columns.${k}`)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {b.nails.rows.map((n) => (
          <tr key={n.id} className={n.noProgress ? 'brf-bottom' : undefined}>
            <th className={n.noProgress ? 'brf-red' : undefined}>
              {n.title}
              {n.noProgress && `（${t('briefings.noProgress')}）`}
            </th>
            <td>{n.areaName}</td>
            <td>{t(`briefings.nailStatus.${n.status}`)}</td>
            <td className="num">
              {n.progressBefore}% → {n.progressAfter}%
            </td>
            <td className="num">{n.reportsInMonth}</td>
            <td className={`num${n.milestonesOverdue > 0 ? ' brf-red' : ''}`}>{n.milestonesOverdue}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
