import { useState } from 'react';
import { Button, Card, Col, Descriptions, Row, Space, Statistic, Timeline, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/components/PageHeader.tsx';
import { LoadError, PageLoading } from '../../app/components/Status.tsx';
import { useFormatters } from '../../app/labels.ts';
import { useNail, useNailChange } from './api.ts';
import { NailFormModal } from './NailFormModal.tsx';
import { NailLinksCard } from './NailLinksCard.tsx';
import { NailMilestones } from './NailMilestones.tsx';
import { NailReports } from './NailReports.tsx';
import { NailKindTag, NailProgress, NailStatusTag } from './NailTags.tsx';
import './nails.css';

/** One line of what a history entry changed, read from its audit `after`. */
function historyDetail(after: unknown): string | null {
  if (typeof after !== 'object' || after === null) return null;
  const a = after as { milestone?: { title?: string }; progress?: number; note?: string; title?: string };
  if (a.milestone?.title) return a.milestone.title;
  if (typeof a.progress === 'number') return `${a.progress}%${a.note ? ` · ${a.note}` : ''}`;
  return null;
}

export default function NailDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const query = useNail(id);
  const change = useNailChange(id);
  const [editing, setEditing] = useState(false);

  if (query.isPending) return <PageLoading />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  const nail = query.data;
  const listUrl = `/nails?campaign=${nail.campaignId}`;
  const actionLabel = (action: string) => (i18n.exists(`nails.actions.${action}`) ? t(`nails.actions.${action}`) : action);

  return (
    <>
      <PageHeader
        breadcrumb={[{ title: <Link to={listUrl}>{t('nails.title')}</Link> }, { title: nail.title }]}
        title={
          <Space wrap>
            <span data-testid="nail-title">{nail.title}</span>
            <NailKindTag kind={nail.kind} />
            <NailStatusTag status={nail.status} />
          </Space>
        }
        subtitle={`${nail.campaignName} · ${nail.areaName}`}
        extra={
          nail.allowed.edit && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="nail-edit">
              {t('common.edit')}
            </Button>
          )
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('nails.detail.plan')} data-testid="nail-plan">
              <Typography.Paragraph className="nails-plan-block">{nail.description}</Typography.Paragraph>
              <Descriptions column={1} bordered size="small" className="nails-plan">
                <Descriptions.Item label={t('nails.form.target')}>
                  <span className="nails-plan-block">{nail.plan.target}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('nails.form.measures')}>
                  <span className="nails-plan-block">{nail.plan.measures}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('nails.form.funds')}>{nail.plan.funds || '—'}</Descriptions.Item>
                <Descriptions.Item label={t('nails.form.responsible')}>{nail.plan.responsible}</Descriptions.Item>
              </Descriptions>
            </Card>
            <NailMilestones nail={nail} change={change} />
            <NailReports nail={nail} change={change} />
          </Space>
        </Col>
        <Col xs={24} lg={8}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card>
              <Statistic title={t('nails.detail.progress')} value={nail.progress} suffix="%" />
              <NailProgress progress={nail.progress} status={nail.status} size="default" />
              <Descriptions column={1} size="small" style={{ marginTop: 12 }}>
                <Descriptions.Item label={t('nails.detail.campaign')}>{nail.campaignName}</Descriptions.Item>
                <Descriptions.Item label={t('nails.detail.area')}>{nail.areaName}</Descriptions.Item>
                <Descriptions.Item label={t('nails.detail.createdAt')}>{format.dateTime(nail.createdAt)}</Descriptions.Item>
                {nail.resolvedAt && <Descriptions.Item label={t('nails.detail.resolvedAt')}>{format.dateTime(nail.resolvedAt)}</Descriptions.Item>}
              </Descriptions>
            </Card>
            <NailLinksCard nail={nail} change={change} />
            <Card title={t('nails.detail.history')} size="small">
              <Timeline
                items={nail.timeline.map((e) => ({
                  content: (
                    <span>
                      {actionLabel(e.action)}
                      {historyDetail(e.after) && <Typography.Text style={{ display: 'block', fontSize: 13 }}>{historyDetail(e.after)}</Typography.Text>}
                      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                        {e.actorName} · {format.dateTime(e.at)}
                      </Typography.Text>
                    </span>
                  ),
                }))}
              />
            </Card>
          </Space>
        </Col>
      </Row>
      <NailFormModal
        open={editing}
        nail={nail}
        saving={change.isPending}
        onClose={() => setEditing(false)}
        onSubmit={({ title, description, plan }) => change.mutateAsync({ kind: 'edit', body: { title, description, plan } })}
      />
    </>
  );
}
