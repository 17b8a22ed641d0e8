import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CampaignStatus } from '@anxun/contracts';

const STATUS_COLOUR: Record<CampaignStatus, string> = { planned: 'default', active: 'processing', finished: 'success' };

export function CampaignStatusTag({ status }: { status: CampaignStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOUR[status]}>{t(`campaigns.status.${status}`)}</Tag>;
}
