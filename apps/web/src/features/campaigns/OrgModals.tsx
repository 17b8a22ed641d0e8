import { useEffect, useState } from 'react';
import { Checkbox, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CampaignMember, CampaignMemberWriteBody, CampaignUnit, CampaignUnitKind, User } from '@anxun/contracts';
import { get } from '../../app/api.ts';
import type { Page } from '../../app/api.ts';
import { AreaTreeSelect } from '../../app/components/AreaTreeSelect.tsx';
import { useFormErrorHandler } from '../../app/errors.ts';

const submitId = (id: string) => ({ 'data-testid': id }) as Record<string, string>;

export interface UnitDraft {
  /** Editing an existing unit, or creating one of a kind under a parent. */
  unit?: CampaignUnit;
  kind: CampaignUnitKind;
  parentId: string | null;
}

interface UnitValues {
  name: string;
  areaId?: string | null;
  sortOrder?: number;
  parentId?: string | null;
}

/** Name, order, the village of a village team, and (when editing) the parent to move it under. */
export function UnitModal({ draft, parents, saving, onClose, onSubmit }: { draft: UnitDraft | null; parents: CampaignUnit[]; saving: boolean; onClose(): void; onSubmit(values: UnitValues): Promise<unknown> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<UnitValues>();
  const onError = useFormErrorHandler(form);
  useEffect(() => {
    if (!draft) return;
    form.resetFields();
    form.setFieldsValue(draft.unit ? { name: draft.unit.name, areaId: draft.unit.areaId, sortOrder: draft.unit.sortOrder, parentId: draft.unit.parentId } : { sortOrder: 0 });
  }, [draft, form]);
  if (!draft) return null;
  const movable = !!draft.unit && (draft.kind === 'squad' || draft.kind === 'village_team');
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await onSubmit(values);
      onClose();
    } catch (error) {
      onError(error);
    }
  };
  return (
    <Modal open title={`${t(`campaigns.unitKind.${draft.kind}`)}${draft.unit ? ` · ${draft.unit.name}` : ''}`} onCancel={onClose} onOk={() => void submit()} confirmLoading={saving} destroyOnHidden okButtonProps={submitId('unit-form-submit')}>
      <Form form={form} layout="vertical">
        <Form.Item name="name" label={t('campaigns.org.unitForm.name')} rules={[{ required: true, message: t('campaigns.form.required') }]}>
          <Input maxLength={100} data-testid="unit-form-name" />
        </Form.Item>
        {draft.kind === 'village_team' && (
          <Form.Item name="areaId" label={t('campaigns.org.unitForm.village')} rules={[{ required: true, message: t('campaigns.form.required') }]}>
            <AreaTreeSelect />
          </Form.Item>
        )}
        {movable && (
          <Form.Item name="parentId" label={t('campaigns.org.unitForm.parent')}>
            <Select options={parents.map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
        )}
        <Form.Item name="sortOrder" label={t('campaigns.org.unitForm.sortOrder')}>
          <InputNumber min={0} max={10000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface MemberValues {
  name: string;
  phone?: string;
  duty?: string;
  isLeader?: boolean;
  userId?: string | null;
}

function useUserSearch(q: string) {
  return useQuery({
    queryKey: ['users', 'campaign-member-search', q],
    queryFn: ({ signal }) => get<Page<User>>('/users', { q, pageSize: 20 }, signal),
    enabled: q.trim().length > 0,
  });
}

export function MemberModal({ member, open, saving, onClose, onSubmit }: { member?: CampaignMember; open: boolean; saving: boolean; onClose(): void; onSubmit(body: CampaignMemberWriteBody): Promise<unknown> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<MemberValues>();
  const onError = useFormErrorHandler(form);
  const [q, setQ] = useState('');
  const users = useUserSearch(q);
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (member) form.setFieldsValue({ name: member.name, phone: member.phone ?? undefined, duty: member.duty ?? undefined, isLeader: member.isLeader, userId: member.userId });
  }, [open, member, form]);
  const linked = member?.userId && member.username ? [{ value: member.userId, label: member.username }] : [];
  const options = [...linked, ...(users.data?.items ?? []).filter((u) => u.id !== member?.userId).map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }))];
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await onSubmit({ name: values.name, phone: values.phone || null, duty: values.duty || null, isLeader: !!values.isLeader, userId: values.userId ?? null });
      onClose();
    } catch (error) {
      onError(error);
    }
  };
  return (
    <Modal open={open} title={t('campaigns.org.memberForm.title')} onCancel={onClose} onOk={() => void submit()} confirmLoading={saving} destroyOnHidden okButtonProps={submitId('member-form-submit')}>
      <Form form={form} layout="vertical">
        <Form.Item name="name" label={t('campaigns.org.memberForm.name')} rules={[{ required: true, message: t('campaigns.form.required') }]}>
          <Input maxLength={50} data-testid="member-form-name" />
        </Form.Item>
        <Form.Item name="phone" label={t('campaigns.org.memberForm.phone')}>
          <Input maxLength={11} />
        </Form.Item>
        <Form.Item name="duty" label={t('campaigns.org.memberForm.duty')} extra={t('campaigns.org.memberForm.dutyHint')}>
          <Input maxLength={50} data-testid="member-form-duty" />
        </Form.Item>
        <Form.Item name="isLeader" valuePropName="checked">
          <Checkbox data-testid="member-form-leader">{t('campaigns.org.memberForm.isLeader')}</Checkbox>
        </Form.Item>
        <Form.Item name="userId" label={t('campaigns.org.memberForm.user')} extra={t('campaigns.org.memberForm.userHint')}>
          <Select allowClear showSearch={{ filterOption: false, onSearch: setQ }} options={options} loading={users.isFetching} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
