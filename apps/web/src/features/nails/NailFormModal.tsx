import { useEffect } from 'react';
import { Alert, Divider, Form, Input, Modal, Radio } from 'antd';
import type { Campaign, NailCreateBody, NailDetail, NailKind, NailPlan } from '@anxun/contracts';
import { useTranslation } from 'react-i18next';
import { AreaTreeSelect } from '../../app/components/AreaTreeSelect.tsx';
import { useFormErrorHandler } from '../../app/errors.ts';

interface Values {
  kind: NailKind;
  title: string;
  description: string;
  areaId: string;
  plan: NailPlan;
}

/** Today in Asia/Shanghai, as the server decides whether key nails are still open. */
export const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

interface NailFormModalProps {
  open: boolean;
  /** Absent: a new nail in `campaign`. */
  nail?: NailDetail;
  campaign?: Campaign;
  saving: boolean;
  onSubmit: (values: NailCreateBody) => Promise<unknown>;
  onClose: () => void;
}

/** Adds a nail, or edits its title, description and plan (一案一策); kind and area are fixed once added. */
export function NailFormModal({ open, nail, campaign, saving, onSubmit, onClose }: NailFormModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrorHandler(form);
  const keyOpen = !!campaign && shanghaiToday() <= campaign.startsOn;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (nail) form.setFieldsValue({ kind: nail.kind, title: nail.title, description: nail.description, areaId: nail.areaId, plan: nail.plan });
    else form.setFieldsValue({ kind: keyOpen ? 'key' : 'dynamic' });
  }, [open, nail, keyOpen, form]);

  const submit = async () => {
    const values = await form.validateFields();
    const plan = { ...values.plan, funds: values.plan.funds?.trim() ? values.plan.funds : undefined };
    await onSubmit({ ...values, plan }).then(onClose, onError);
  };

  const required = [{ required: true, whitespace: true, message: t('common.required') }];
  return (
    <Modal
      open={open}
      title={nail ? t('nails.form.editTitle') : t('nails.form.createTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      confirmLoading={saving}
      width={720}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'nail-form-submit' }}
    >
      <Form form={form} layout="vertical" requiredMark="optional">
        {!nail && (
          <>
            <Form.Item name="kind" label={t('nails.form.kind')} rules={required} extra={campaign ? t(keyOpen ? 'nails.form.keyOpen' : 'nails.form.keyClosed', { date: campaign.startsOn }) : undefined}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'key', label: t('nails.kind.key'), disabled: !keyOpen },
                  { value: 'dynamic', label: t('nails.kind.dynamic') },
                ]}
              />
            </Form.Item>
            <Form.Item name="areaId" label={t('nails.form.area')} rules={[{ required: true, message: t('common.required') }]}>
              <AreaTreeSelect />
            </Form.Item>
          </>
        )}
        <Form.Item name="title" label={t('nails.form.title')} rules={required}>
          <Input maxLength={200} data-testid="nail-form-title" />
        </Form.Item>
        <Form.Item name="description" label={t('nails.form.description')} rules={required}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Divider titlePlacement="start">{t('nails.form.plan')}</Divider>
        <Form.Item name={['plan', 'target']} label={t('nails.form.target')} rules={required}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name={['plan', 'measures']} label={t('nails.form.measures')} rules={required}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item name={['plan', 'funds']} label={t('nails.form.funds')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name={['plan', 'responsible']} label={t('nails.form.responsible')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        {!nail && !campaign && <Alert type="warning" title={t('nails.noCampaign')} />}
      </Form>
    </Modal>
  );
}
