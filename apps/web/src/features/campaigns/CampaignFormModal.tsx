import { useEffect } from 'react';
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { SITE_KINDS } from '@anxun/contracts';
import type { Campaign, CampaignWriteBody, SiteKind } from '@anxun/contracts';
import { AreaTreeSelect } from '../../app/components/AreaTreeSelect.tsx';
import { useFormErrorHandler } from '../../app/errors.ts';
import { useEnumOptions } from '../../app/labels.ts';

interface Values {
  name: string;
  areaId: string;
  period: [Dayjs, Dayjs];
  siteKinds: SiteKind[];
}

interface Props {
  open: boolean;
  /** Editing keeps the area: a campaign's scope is fixed once sites are assigned under it. */
  campaign?: Campaign;
  saving: boolean;
  onClose(): void;
  onSubmit(body: CampaignWriteBody): Promise<unknown>;
}

export function CampaignFormModal({ open, campaign, saving, onClose, onSubmit }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrorHandler(form);
  const options = useEnumOptions();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (campaign) form.setFieldsValue({ name: campaign.name, areaId: campaign.areaId, period: [dayjs(campaign.startsOn), dayjs(campaign.endsOn)], siteKinds: campaign.siteKinds });
    else form.setFieldsValue({ siteKinds: ['enterprise', 'street_shop', 'rental_housing'] });
  }, [open, campaign, form]);

  const submit = async () => {
    const values = await form.validateFields();
    try {
      await onSubmit({
        name: values.name,
        areaId: values.areaId,
        startsOn: values.period[0].format('YYYY-MM-DD'),
        endsOn: values.period[1].format('YYYY-MM-DD'),
        siteKinds: values.siteKinds,
      });
      onClose();
    } catch (error) {
      onError(error);
    }
  };

  const required = [{ required: true, message: t('campaigns.form.required') }];
  return (
    <Modal
      open={open}
      title={campaign ? t('campaigns.form.editTitle') : t('campaigns.form.createTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={saving}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'campaign-form-submit' } as Record<string, string>}
    >
      <Form form={form} layout="vertical" requiredMark>
        <Form.Item name="name" label={t('campaigns.form.name')} rules={required}>
          <Input maxLength={100} data-testid="campaign-form-name" />
        </Form.Item>
        <Form.Item name="areaId" label={t('campaigns.form.area')} rules={required}>
          <AreaTreeSelect disabled={!!campaign} />
        </Form.Item>
        <Form.Item name="period" label={t('campaigns.form.period')} rules={required}>
          <DatePicker.RangePicker style={{ width: '100%' }} data-testid="campaign-form-period" />
        </Form.Item>
        <Form.Item name="siteKinds" label={t('campaigns.form.kinds')} rules={required}>
          <Select mode="multiple" options={options('siteKind', SITE_KINDS)} data-testid="campaign-form-kinds" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
