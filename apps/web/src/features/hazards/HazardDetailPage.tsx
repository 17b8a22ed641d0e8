import { useState } from 'react';
import type { ReactNode } from 'react';
import { Alert, Button, Card, Col, Descriptions, Empty, Row, Space, Steps, Table, Tag, Typography } from 'antd';
import {
  CheckCircleOutlined,
  CameraOutlined,
  CloseCircleOutlined,
  FieldTimeOutlined,
  FilePdfOutlined,
  RollbackOutlined,
  StopOutlined,
  ToolOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { HAZARD_ACTIONS } from '@anxun/contracts';
import type { HazardAction, HazardDetail, TreatmentPlan } from '@anxun/contracts';
import { PageHeader } from '../../app/components/PageHeader.tsx';
import { LoadError, PageLoading } from '../../app/components/Status.tsx';
import { useFormatters } from '../../app/labels.ts';
import { useCan } from '../auth/api.ts';
import { noticePdfUrl, useHazard } from './api.ts';
import { ExtensionDecisionModal, ExtensionRequestModal } from './ExtensionModals.tsx';
import { HazardActionModal } from './HazardActionModal.tsx';
import { HazardTimeline } from './HazardTimeline.tsx';
import { DeadlineText, HazardLevelTag, HazardStatusTag, ModeTag, OverdueTag } from './HazardTags.tsx';
import { ACTION_STYLE, useHazardLabels } from './labels.ts';
import { PhotoGrid } from './Photos.tsx';
import { useDepartmentName } from './useDepartmentName.ts';
import './hazards.css';

type Extension = HazardDetail['extensions'][number];

const ACTION_ICONS: Record<HazardAction, ReactNode> = {
  submit_rectification: <ToolOutlined />,
  approve: <CheckCircleOutlined />,
  reject: <RollbackOutlined />,
  reinspect_fixed: <CheckCircleOutlined />,
  reinspect_not_fixed: <CloseCircleOutlined />,
  close_on_spot: <CameraOutlined />,
  reopen: <UndoOutlined />,
  cancel: <StopOutlined />,
};

const PLAN_FIELDS = ['targetAndTasks', 'methodsAndMeasures', 'fundsAndMaterials', 'responsible', 'deadline', 'safetyAndEmergency'] as const satisfies readonly (keyof TreatmentPlan)[];

const EXTENSION_COLOURS: Record<Extension['status'], string> = { requested: 'processing', approved: 'success', rejected: 'error' };

function Progress({ hazard }: { hazard: HazardDetail }) {
  const { t } = useTranslation();
  const label = useHazardLabels();
  const format = useFormatters();
  if (hazard.status === 'cancelled') {
    const cancelled = [...hazard.events].reverse().find((event) => event.toStatus === 'cancelled');
    return (
      <Alert
        type="warning"
        showIcon
        icon={<StopOutlined />}
        title={t('hazards.detail.cancelled')}
        description={cancelled?.reason}
        style={{ marginBottom: 20 }}
      />
    );
  }
  const current = { open: 1, pending_review: 2, closed: 3 }[hazard.status];
  const lastTo = (status: string) => [...hazard.events].reverse().find((event) => event.toStatus === status)?.at;
  return (
    <Steps
      size="small"
      current={current}
      status={hazard.status === 'closed' ? 'finish' : 'process'}
      style={{ marginBottom: 24 }}
      data-testid="hazard-progress"
      items={[
        { title: t('hazards.detail.steps.found'), content: format.dateTime(hazard.foundAt) },
        { title: label('hazardStatus', 'open'), content: hazard.deadline ? t('hazards.detail.steps.due', { date: hazard.deadline }) : undefined },
        { title: label('hazardStatus', 'pending_review'), content: hazard.status === 'pending_review' ? format.dateTime(lastTo('pending_review')) : undefined },
        { title: label('hazardStatus', 'closed'), content: hazard.closedAt ? format.dateTime(hazard.closedAt) : undefined },
      ]}
    />
  );
}

function Overview({ hazard }: { hazard: HazardDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const departments = useDepartmentName();
  const dash = t('common.none');
  const multiline = (text: string | null) => (text ? <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span> : dash);

  return (
    <Descriptions
      bordered
      size="middle"
      column={{ xs: 1, md: 2, xl: 2 }}
      styles={{ label: { width: 140 } }}
      data-testid="hazard-descriptions"
      items={[
        {
          key: 'site',
          label: t('hazards.fields.site'),
          children: (
            <Space orientation="vertical" size={0}>
              <Link to={`/sites/${hazard.siteId}`} data-testid="hazard-site">
                {hazard.siteName}
              </Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {hazard.areaName}
              </Typography.Text>
            </Space>
          ),
        },
        { key: 'department', label: t('hazards.fields.department'), children: departments.name(hazard.departmentId, hazard.departmentName) },
        {
          key: 'code',
          label: t('hazards.fields.checkItemCode'),
          children: hazard.checkItemCode ? <Typography.Text code>{hazard.checkItemCode}</Typography.Text> : dash,
        },
        { key: 'level', label: t('hazards.fields.level'), children: <HazardLevelTag level={hazard.level} /> },
        { key: 'legalBasis', label: t('hazards.fields.legalBasis'), span: 'filled', children: multiline(hazard.legalBasis) },
        { key: 'suggestedFix', label: t('hazards.fields.suggestedFix'), span: 'filled', children: multiline(hazard.suggestedFix) },
        { key: 'mode', label: t('hazards.fields.mode'), children: <ModeTag mode={hazard.mode} /> },
        {
          key: 'deadline',
          label: t('hazards.fields.deadline'),
          children: <DeadlineText deadline={hazard.deadline} overdue={hazard.overdue} status={hazard.status} />,
        },
        { key: 'foundAt', label: t('hazards.fields.foundAt'), children: format.dateTime(hazard.foundAt) },
        { key: 'inspector', label: t('hazards.fields.inspector'), children: hazard.inspectorName ?? dash },
        {
          key: 'inspection',
          label: t('hazards.fields.inspection'),
          children: hazard.inspectionId ? (
            <Link to={`/inspections/${hazard.inspectionId}`} data-testid="hazard-inspection-link">
              {t('hazards.detail.viewInspection')}
            </Link>
          ) : (
            dash
          ),
        },
        {
          key: 'notice',
          label: t('hazards.fields.notice'),
          children:
            hazard.noticeId && hazard.noticeNumber ? (
              <a href={noticePdfUrl(hazard.noticeId)} target="_blank" rel="noreferrer" data-testid="hazard-notice-link">
                <FilePdfOutlined /> {hazard.noticeNumber}
              </a>
            ) : (
              dash
            ),
        },
        { key: 'closedAt', label: t('hazards.fields.closedAt'), children: format.dateTime(hazard.closedAt) },
      ]}
    />
  );
}

function TreatmentPlanCard({ hazard }: { hazard: HazardDetail }) {
  const { t } = useTranslation();
  const label = useHazardLabels();
  const plan = hazard.treatmentPlan;
  return (
    <Card title={t('hazards.detail.treatmentPlan')} extra={<Tag color="red">{t('hazards.detail.sixInPlace')}</Tag>} style={{ marginBottom: 16 }}>
      {plan ? (
        <Descriptions
          bordered
          size="small"
          column={1}
          styles={{ label: { width: 180 } }}
          data-testid="hazard-treatment-plan"
          items={PLAN_FIELDS.map((field) => ({
            key: field,
            label: label('treatmentPlan', field),
            children: <span style={{ whiteSpace: 'pre-wrap' }}>{plan[field]}</span>,
          }))}
        />
      ) : (
        <Alert type="warning" showIcon title={t('hazards.detail.noPlan')} />
      )}
    </Card>
  );
}

function Extensions({ hazard, onDecide }: { hazard: HazardDetail; onDecide: (extension: Extension) => void }) {
  const { t } = useTranslation();
  const label = useHazardLabels();
  const format = useFormatters();
  const canDecide = !!hazard.allowed['decideExtension'];
  return (
    <Table<Extension>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={hazard.extensions}
      data-testid="hazard-extensions"
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hazards.extension.empty')} /> }}
      scroll={{ x: 680 }}
      columns={[
        {
          key: 'status',
          title: t('hazards.fields.status'),
          width: 84,
          render: (_, e) => <Tag color={EXTENSION_COLOURS[e.status]}>{label('extensionStatus', e.status)}</Tag>,
        },
        {
          key: 'deadline',
          title: t('hazards.extension.change'),
          width: 200,
          render: (_, e) => (
            <Space orientation="vertical" size={0}>
              <span style={{ whiteSpace: 'nowrap' }}>
                <Typography.Text type="secondary">{e.fromDeadline}</Typography.Text> → <Typography.Text strong>{e.newDeadline}</Typography.Text>
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('hazards.extension.requestedOn', { at: format.dateTime(e.requestedAt) })}
              </Typography.Text>
            </Space>
          ),
        },
        { key: 'reason', title: t('hazards.extension.reason'), render: (_, e) => <span style={{ whiteSpace: 'pre-wrap' }}>{e.reason}</span> },
        {
          key: 'decision',
          title: t('hazards.extension.decision'),
          width: 180,
          render: (_, e) =>
            e.status === 'requested' ? (
              canDecide ? (
                <Button size="small" type="primary" onClick={() => onDecide(e)} data-testid="extension-decide">
                  {t('hazards.extension.decide')}
                </Button>
              ) : (
                <Typography.Text type="secondary">{t('hazards.extension.pending')}</Typography.Text>
              )
            ) : (
              <Space orientation="vertical" size={0}>
                <Typography.Text style={{ fontSize: 12 }}>{format.dateTime(e.decidedAt)}</Typography.Text>
                {e.decisionReason && <Typography.Text type="secondary">{e.decisionReason}</Typography.Text>}
              </Space>
            ),
        },
      ]}
    />
  );
}

export default function HazardDetailPage() {
  const { t } = useTranslation();
  const label = useHazardLabels();
  const format = useFormatters();
  const can = useCan();
  const { id } = useParams<{ id: string }>();
  const query = useHazard(id);
  const [action, setAction] = useState<HazardAction | null>(null);
  const [requesting, setRequesting] = useState(false);
  const [deciding, setDeciding] = useState<Extension | null>(null);

  if (query.isPending) return <PageLoading />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  const hazard = query.data;
  const actions = HAZARD_ACTIONS.filter((a) => hazard.allowedActions.includes(a));
  const live = hazard.status === 'open' || hazard.status === 'pending_review';
  const showExtensions = hazard.extensions.length > 0 || (hazard.mode === 'deadline' && live);
  const list = can('hazards') ? { to: '/hazards', title: t('hazards.title') } : { to: '/hazards/queue', title: t('hazards.queue.title') };

  return (
    <>
      <PageHeader
        breadcrumb={[{ title: <Link to={list.to}>{list.title}</Link> }, { title: t('hazards.detail.breadcrumb') }]}
        title={
          <Space size={8} wrap>
            <span data-testid="hazard-title">{hazard.description}</span>
            <HazardLevelTag level={hazard.level} />
            <HazardStatusTag status={hazard.status} testId="hazard-status" />
            {hazard.overdue && live && <OverdueTag />}
          </Space>
        }
        subtitle={
          <>
            <Link to={`/sites/${hazard.siteId}`}>{hazard.siteName}</Link> · {hazard.areaName} · {t('hazards.detail.foundAt', { at: format.dateTime(hazard.foundAt) })}
          </>
        }
        extra={
          (actions.length > 0 || hazard.allowed['requestExtension']) && (
            <Space wrap data-testid="hazard-actions">
              {hazard.allowed['requestExtension'] && (
                <Button icon={<FieldTimeOutlined />} onClick={() => setRequesting(true)} data-testid="hazard-extension-request">
                  {t('hazards.extension.request')}
                </Button>
              )}
              {actions.map((a) => (
                <Button
                  key={a}
                  type={ACTION_STYLE[a] === 'primary' ? 'primary' : 'default'}
                  danger={ACTION_STYLE[a] === 'danger'}
                  icon={ACTION_ICONS[a]}
                  onClick={() => setAction(a)}
                  data-testid={`hazard-action-${a}`}
                >
                  {label('hazardAction', a)}
                </Button>
              ))}
            </Space>
          )
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title={t('hazards.detail.overview')} style={{ marginBottom: 16 }}>
            <Progress hazard={hazard} />
            <Overview hazard={hazard} />
          </Card>
          {hazard.level === 'major' && <TreatmentPlanCard hazard={hazard} />}
          <Card title={t('hazards.detail.photos')} style={{ marginBottom: 16 }}>
            <Row gutter={[24, 16]}>
              <Col xs={24} md={12}>
                <Typography.Title level={5} style={{ marginTop: 0 }}>
                  {t('hazards.photos.before')}
                </Typography.Title>
                <PhotoGrid photos={hazard.photosBefore} size={112} testId="hazard-photos-before" />
              </Col>
              <Col xs={24} md={12}>
                <Typography.Title level={5} style={{ marginTop: 0 }}>
                  {t('hazards.photos.after')}
                </Typography.Title>
                <PhotoGrid photos={hazard.photosAfter} size={112} testId="hazard-photos-after" />
              </Col>
            </Row>
          </Card>
          {showExtensions && (
            <Card
              title={t('hazards.extension.title')}
              extra={
                hazard.allowed['requestExtension'] && (
                  <Button size="small" icon={<FieldTimeOutlined />} onClick={() => setRequesting(true)}>
                    {t('hazards.extension.request')}
                  </Button>
                )
              }
            >
              <Extensions hazard={hazard} onDecide={setDeciding} />
            </Card>
          )}
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('hazards.timeline.title')}>
            <HazardTimeline events={hazard.events} />
          </Card>
        </Col>
      </Row>
      {action && <HazardActionModal hazard={hazard} action={action} onClose={() => setAction(null)} />}
      {requesting && <ExtensionRequestModal hazard={hazard} onClose={() => setRequesting(false)} />}
      {deciding && <ExtensionDecisionModal hazard={hazard} extension={deciding} onClose={() => setDeciding(null)} />}
    </>
  );
}
