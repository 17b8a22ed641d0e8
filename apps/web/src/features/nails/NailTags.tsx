import { Progress, Tag } from 'antd';
import type { NailKind, NailStatus } from '@anxun/contracts';
import { useTranslation } from 'react-i18next';

const STATUS_COLOURS: Record<NailStatus, string> = { open: 'default', in_progress: 'processing', resolved: 'success' };

export function NailStatusTag({ status }: { status: NailStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOURS[status]} data-status={status}>
      {t(`nails.status.${status}`)}
    </Tag>
  );
}

export function NailKindTag({ kind }: { kind: NailKind }) {
  const { t } = useTranslation();
  return (
    <Tag color={kind === 'key' ? 'volcano' : 'geekblue'} data-kind={kind}>
      {t(`nails.kind.${kind}`)}
    </Tag>
  );
}

export function NailProgress({ progress, status, size = 'small' }: { progress: number; status: NailStatus; size?: 'small' | 'default' }) {
  return <Progress percent={progress} size={size} showInfo={size === 'small'} status={status === 'resolved' ? 'success' : 'normal'} style={{ minWidth: 120, marginBottom: 0 }} />;
}
