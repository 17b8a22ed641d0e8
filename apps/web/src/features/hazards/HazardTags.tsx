import { Space, Tag, Typography } from 'antd';
import { ClockCircleOutlined, WarningFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { OPEN_HAZARD_STATUSES } from '@anxun/contracts';
import type { HazardLevel, HazardStatus, RectificationMode } from '@anxun/contracts';
import { STATUS_COLOURS, useHazardLabels } from './labels.ts';

export function HazardLevelTag({ level }: { level: HazardLevel }) {
  const label = useHazardLabels();
  return level === 'major' ? (
    <Tag color="red" icon={<WarningFilled />} data-level={level}>
      {label('hazardLevel', level)}
    </Tag>
  ) : (
    <Tag color="gold" data-level={level}>
      {label('hazardLevel', level)}
    </Tag>
  );
}

export function HazardStatusTag({ status, testId }: { status: HazardStatus; testId?: string }) {
  const label = useHazardLabels();
  return (
    <Tag color={STATUS_COLOURS[status]} data-status={status} data-testid={testId}>
      {label('hazardStatus', status)}
    </Tag>
  );
}

export function ModeTag({ mode }: { mode: RectificationMode }) {
  const label = useHazardLabels();
  return <Tag variant="outlined">{label('rectificationMode', mode)}</Tag>;
}

export function OverdueTag() {
  const { t } = useTranslation();
  return (
    <Tag color="red" icon={<ClockCircleOutlined />} data-testid="hazard-overdue">
      {t('hazards.overdue')}
    </Tag>
  );
}

/** A calendar-day deadline; overdue live hazards are red with a 已逾期 tag. */
export function DeadlineText({ deadline, overdue, status }: { deadline: string | null; overdue: boolean; status: HazardStatus }) {
  const { t } = useTranslation();
  if (!deadline) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const late = overdue && OPEN_HAZARD_STATUSES.includes(status);
  return (
    <Space size={4} wrap>
      <Typography.Text type={late ? 'danger' : undefined} strong={late}>
        {deadline}
      </Typography.Text>
      {late && <OverdueTag />}
    </Space>
  );
}
