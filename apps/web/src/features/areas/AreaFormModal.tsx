import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { DIVISION_CODE_PATTERN, OFFICIAL_CODE_LEVELS } from '@anxun/contracts';
import { useFormErrorHandler } from '../../app/errors.ts';
import { useLabels } from '../../app/labels.ts';
import { nextLevel, useCreateArea, useUpdateArea } from './api.ts';
import type { AreaDetail } from './api.ts';

interface Props {
  mode: 'create' | 'rename';
  /** The parent when creating, the area itself when renaming. */
  area: AreaDetail;
  onClose: () => void;
  onSaved: (area: AreaDetail) => void;
}

interface Values {
  name: string;
  code?: string;
}

export function AreaFormModal({ mode, area, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const label = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateArea();
  const update = useUpdateArea();
  const level = mode === 'create' ? nextLevel(area.level) : area.level;
  const official = !!level && OFFICIAL_CODE_LEVELS.includes(level);

  const onError = useFormErrorHandler(form);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values || !level) return;
    if (mode === 'create') {
      create.mutate(
        { parentId: area.id, level, code: values.code!.trim(), name: values.name.trim() },
        {
          onSuccess: (saved) => {
            void message.success(t('areas.created'));
            onSaved(saved);
          },
          onError,
        },
      );
    } else {
      update.mutate(
        { id: area.id, body: { name: values.name.trim() } },
        {
          onSuccess: (saved) => {
            void message.success(t('areas.updated'));
            onSaved(saved);
          },
          onError,
        },
      );
    }
  };

  return (
    <Modal
      open
      title={mode === 'create' ? t('areas.createTitle', { level: label('area', level) }) : t('areas.editTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
    >
      <Form form={form} layout="vertical" initialValues={mode === 'rename' ? { name: area.name } : {}} style={{ marginTop: 16 }}>
        {mode === 'create' && (
          <Form.Item label={t('areas.parent')}>
            <Input value={area.name} disabled />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('areas.name')} rules={[{ required: true, whitespace: true, max: 100, message: t('common.required') }]}>
          <Input maxLength={100} data-testid="area-name-input" />
        </Form.Item>
        {mode === 'create' && (
          <Form.Item
            name="code"
            label={t('areas.code')}
            extra={official ? t('areas.codeHint') : undefined}
            rules={[
              { required: true, whitespace: true, message: t('common.required') },
              official ? { pattern: DIVISION_CODE_PATTERN, message: t('areas.codeOfficial') } : { max: 32 },
            ]}
          >
            <Input maxLength={32} data-testid="area-code-input" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
