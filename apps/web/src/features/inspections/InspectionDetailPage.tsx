import { lazy, Suspense } from 'react';
import { Alert, Button, Card, Col, Descriptions, Image, Row, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import { AimOutlined, EnvironmentOutlined, FilePdfOutlined, WarningOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { GPS_FLAG_DISTANCE_M } from '@anxun/contracts';
import type { InspectionDetail } from '@anxun/contracts';
import { PageHeader } from '../../app/components/PageHeader.tsx';
import { LoadError, PageLoading } from '../../app/components/Status.tsx';
import { useFormatters } from '../../app/labels.ts';
import { noticePdfUrl } from '../hazards/api.ts';
import { HazardsTable } from '../hazards/HazardsTable.tsx';
import { useInspection } from './api.ts';
import { AnswersByDepartment } from './AnswersByDepartment.tsx';
import { FAR_COLOUR, GPS_COLOUR, SITE_COLOUR } from './mapColours.ts';
import './inspections.css';

// MapLibre is big: only this card loads it, after the rest of the page has rendered.
const InspectionMap = lazy(() => import('./InspectionMap.tsx'));

function Legend({ inspection }: { inspection: InspectionDetail }) {
  const { t } = useTranslation();
  const dot = (colour: string) => <span className="ax-dot" style={{ background: colour, width: 10, height: 10 }} />;
  return (
    <div className="ax-legend">
      <span>
        {dot(SITE_COLOUR)}
        {t('inspections.map.site')}
        {!inspection.siteLocation && ` (${t('inspections.map.noSiteLocation')})`}
      </span>
      <span>
        {dot(inspection.farFromSite ? FAR_COLOUR : GPS_COLOUR)}
        {t('inspections.map.gps')}
        {inspection.gps?.accuracy ? ` (±${Math.round(inspection.gps.accuracy)} m)` : ''}
      </span>
    </div>
  );
}

function LocationCard({ inspection }: { inspection: InspectionDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { gps, siteLocation, distanceM, farFromSite } = inspection;
  const distance = distanceM === null ? null : distanceM >= 1000 ? `${(distanceM / 1000).toFixed(2)} km` : `${format.number(Math.round(distanceM))} m`;

  return (
    <Card title={t('inspections.location.title')} style={{ marginBottom: 16 }} data-testid="inspection-location">
      {farFromSite && (
        <Alert
          type="error"
          showIcon
          icon={<WarningOutlined />}
          style={{ marginBottom: 12 }}
          title={t('inspections.location.far', { limit: GPS_FLAG_DISTANCE_M })}
          description={t('inspections.location.farHint')}
          data-testid="inspection-far"
        />
      )}
      {!gps && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('inspections.location.noGps')} />}
      <Row gutter={16} style={{ marginBottom: 12 }}>
        <Col span={12}>
          <Statistic
            title={t('inspections.location.distance')}
            value={distance ?? t('common.none')}
            prefix={<AimOutlined />}
            styles={{ content: { color: farFromSite ? FAR_COLOUR : undefined, fontSize: 22 } }}
            data-testid="inspection-distance"
          />
        </Col>
        <Col span={12}>
          <Statistic
            title={t('inspections.location.accuracy')}
            value={gps?.accuracy ? `±${Math.round(gps.accuracy)} m` : t('common.none')}
            prefix={<EnvironmentOutlined />}
            styles={{ content: { fontSize: 22 } }}
          />
        </Col>
      </Row>
      {gps || siteLocation ? (
        <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 260 }} />}>
          <InspectionMap site={siteLocation} gps={gps} far={farFromSite} />
        </Suspense>
      ) : (
        <div className="ax-map" style={{ display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
          <Typography.Text type="secondary">{t('inspections.map.noPoints')}</Typography.Text>
        </div>
      )}
      <Legend inspection={inspection} />
    </Card>
  );
}

function SignatureCard({ inspection }: { inspection: InspectionDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { signature, refusal } = inspection;
  return (
    <Card title={t('inspections.signature.title')} data-testid="inspection-signature">
      {signature ? (
        <>
          <div className="ax-signature">
            <Image src={signature.image.url} alt={t('inspections.signature.image')} style={{ maxHeight: 160, maxWidth: '100%', objectFit: 'contain' }} />
          </div>
          <Descriptions
            size="small"
            column={1}
            style={{ marginTop: 12 }}
            items={[
              { key: 'name', label: t('inspections.signature.signer'), children: signature.signerName },
              { key: 'phone', label: t('inspections.signature.phone'), children: signature.signerPhone },
              { key: 'at', label: t('inspections.signature.at'), children: format.dateTime(signature.signedAt) },
            ]}
          />
        </>
      ) : refusal ? (
        <Alert
          type="warning"
          showIcon
          title={t('inspections.signature.refused')}
          data-testid="inspection-refusal"
          description={
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'reason', label: t('inspections.signature.refusalReason'), children: refusal.reason },
                { key: 'witness', label: t('inspections.signature.witness'), children: refusal.witness },
              ]}
            />
          }
        />
      ) : (
        <Typography.Text type="secondary">{t('inspections.signature.none')}</Typography.Text>
      )}
    </Card>
  );
}

export default function InspectionDetailPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const { id } = useParams<{ id: string }>();
  const query = useInspection(id);

  if (query.isPending) return <PageLoading />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  const inspection = query.data;
  const minutes = Math.max(0, Math.round((Date.parse(inspection.endedAt) - Date.parse(inspection.startedAt)) / 60_000));
  const failed = inspection.answers.filter((a) => a.result === 'fail').length;
  const dash = t('common.none');

  return (
    <>
      <PageHeader
        breadcrumb={[
          { title: <Link to="/sites">{t('sites.title')}</Link> },
          { title: <Link to={`/sites/${inspection.siteId}?tab=inspections`}>{inspection.siteName}</Link> },
          { title: t('inspections.breadcrumb') },
        ]}
        title={
          <Space size={8} wrap>
            <span data-testid="inspection-title">
              {t(`inspections.kind.${inspection.kind}`)} · {inspection.siteName}
            </span>
            {inspection.farFromSite && (
              <Tag color="red" icon={<WarningOutlined />}>
                {t('inspections.location.farTag')}
              </Tag>
            )}
            {inspection.refusal && <Tag color="orange">{t('inspections.signature.refused')}</Tag>}
          </Space>
        }
        subtitle={t('inspections.subtitle', { inspector: inspection.inspectorName, at: format.dateTime(inspection.endedAt) })}
        extra={
          inspection.noticeId && (
            <Button icon={<FilePdfOutlined />} href={noticePdfUrl(inspection.noticeId)} target="_blank" data-testid="inspection-notice">
              {t('inspections.notice', { number: inspection.noticeNumber ?? '' })}
            </Button>
          )
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title={t('inspections.overview')} style={{ marginBottom: 16 }}>
            <Descriptions
              bordered
              size="middle"
              column={{ xs: 1, md: 2 }}
              styles={{ label: { width: 130 } }}
              items={[
                { key: 'site', label: t('hazards.fields.site'), children: <Link to={`/sites/${inspection.siteId}`}>{inspection.siteName}</Link> },
                { key: 'kind', label: t('inspections.fields.kind'), children: t(`inspections.kind.${inspection.kind}`) },
                { key: 'inspector', label: t('inspections.fields.inspector'), children: inspection.inspectorName },
                { key: 'co', label: t('inspections.fields.coInspectors'), children: inspection.coInspectorNames.join('、') || dash },
                { key: 'startedAt', label: t('inspections.fields.startedAt'), children: format.dateTime(inspection.startedAt) },
                {
                  key: 'endedAt',
                  label: t('inspections.fields.endedAt'),
                  children: (
                    <>
                      {format.dateTime(inspection.endedAt)}{' '}
                      <Typography.Text type="secondary">({t('inspections.duration', { count: minutes })})</Typography.Text>
                    </>
                  ),
                },
                {
                  key: 'result',
                  label: t('inspections.fields.result'),
                  children: (
                    <Space size={4} wrap>
                      <Tag>{t('inspections.answers.items', { count: inspection.answers.length })}</Tag>
                      {failed > 0 ? <Tag color="error">{t('inspections.answers.failCount', { count: failed })}</Tag> : <Tag color="success">{t('inspections.allPassed')}</Tag>}
                      <Tag color={inspection.hazards.length ? 'volcano' : 'default'}>{t('inspections.hazardCount', { count: inspection.hazards.length })}</Tag>
                    </Space>
                  ),
                },
                {
                  key: 'notice',
                  label: t('hazards.fields.notice'),
                  children:
                    inspection.noticeId && inspection.noticeNumber ? (
                      <a href={noticePdfUrl(inspection.noticeId)} target="_blank" rel="noreferrer">
                        <FilePdfOutlined /> {inspection.noticeNumber}
                      </a>
                    ) : (
                      dash
                    ),
                },
                {
                  key: 'notes',
                  label: t('inspections.fields.notes'),
                  span: 'filled',
                  children: inspection.notes ? <span style={{ whiteSpace: 'pre-wrap' }}>{inspection.notes}</span> : dash,
                },
              ]}
            />
          </Card>
          <Card title={t('inspections.answers.title')} style={{ marginBottom: 16 }}>
            <AnswersByDepartment answers={inspection.answers} />
          </Card>
          <Card title={t('inspections.hazards')}>
            <HazardsTable
              data={{ items: inspection.hazards, total: inspection.hazards.length, page: 1, pageSize: inspection.hazards.length }}
              loading={false}
              hideSite
              empty={t('inspections.noHazards')}
              testId="inspection-hazards"
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <LocationCard inspection={inspection} />
          <SignatureCard inspection={inspection} />
        </Col>
      </Row>
    </>
  );
}
