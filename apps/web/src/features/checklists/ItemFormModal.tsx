import { Button, Checkbox, Col, Form, Input, InputNumber, Modal, Radio, Row, Select, Space, Switch } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ANSWER_TYPES, CHECK_DOMAINS, HAZARD_LEVELS, RECTIFICATION_MODES, SITE_KINDS } from '@anxun/contracts';
import type { AnswerType, NumberThreshold, RectificationMode } from '@anxun/contracts';
import { useEnumOptions } from '../../app/labels.ts';
import { useHazardOptions } from '../hazards/labels.ts';
import type { EditableItem } from './api.ts';
import { useChecklistLabels } from './labels.ts';

const CODE_PATTERN = /^[A-Z][A-Z0-9-]{1,30}$/;
const OPS: NumberThreshold['op'][] = ['<', '<=', '>', '>='];

interface Props {
  /** null adds a new item. */
  item: EditableItem | null;
  /** Codes of the other items in the draft, to refuse a duplicate before the server does. */
  otherCodes: readonly string[];
  onSave: (item: EditableItem) => void;
  onClose: () => void;
}

const BLANK: Partial<EditableItem> = {
  siteKinds: [],
  answerType: 'pass_fail',
  photoRequired: false,
  defaultLevel: 'general',
  defaultMode: 'deadline',
  defaultDays: 7,
  suggestedFix: '',
  threshold: null,
  choices: null,
};

/** Edits one check item locally; the draft is saved as a whole from the drawer. */
export function ItemFormModal({ item, otherCodes, onSave, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EditableItem>();
  const enumOptions = useEnumOptions();
  const hazardOptions = useHazardOptions();
  const label = useChecklistLabels();
  const answerType = Form.useWatch('answerType', form) as AnswerType | undefined;
  const mode = Form.useWatch('defaultMode', form) as RectificationMode | undefined;

  const finish = (values: EditableItem) => {
    // Settings that do not apply to the chosen answer type or mode are dropped, as the server would.
    onSave({
      ...values,
      code: values.code.trim(),
      suggestedFix: values.suggestedFix?.trim() ?? '',
      threshold: values.answerType === 'number' ? values.threshold : null,
      choices: values.answerType === 'choice' ? values.choices : null,
      photoRequired: values.answerType === 'photo' ? true : !!values.photoRequired,
      defaultDays: values.defaultMode === 'deadline' ? values.defaultDays : 0,
    });
  };

  return (
    <Modal
      open
      width={760}
      title={item ? t('checklists.item.editTitle', { code: item.code }) : t('checklists.item.addTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'checklist-item-ok' }}
    >
      <Form<EditableItem> form={form} layout="vertical" initialValues={item ?? BLANK} onFinish={finish} data-testid="checklist-item-form">
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item
              name="code"
              label={t('checklists.item.code')}
              rules={[
                { required: true, pattern: CODE_PATTERN, message: t('checklists.item.codePattern') },
                { validator: (_, v: string) => (otherCodes.includes(v?.trim()) ? Promise.reject(new Error(t('checklists.item.duplicateCode'))) : Promise.resolve()) },
              ]}
            >
              <Input placeholder="FIRE-001" data-testid="checklist-item-code" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="domain" label={t('checklists.item.domain')} rules={[{ required: true, message: t('common.required') }]}>
              <Select options={CHECK_DOMAINS.map((d) => ({ value: d, label: label('domain', d) }))} placeholder={t('common.selectPlaceholder')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="defaultLevel" label={t('checklists.item.level')} rules={[{ required: true }]}>
              <Radio.Group optionType="button" options={hazardOptions('hazardLevel', HAZARD_LEVELS)} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="text" label={t('checklists.item.text')} rules={[{ required: true, whitespace: true, min: 2, max: 500, message: t('common.required') }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} data-testid="checklist-item-text" />
        </Form.Item>
        <Form.Item name="textEn" label={t('checklists.item.textEn')} rules={[{ required: true, whitespace: true, min: 2, max: 500, message: t('common.required') }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={500} data-testid="checklist-item-textEn" />
        </Form.Item>
        <Form.Item name="siteKinds" label={t('checklists.item.siteKinds')} rules={[{ required: true, type: 'array', min: 1, message: t('common.required') }]}>
          <Checkbox.Group options={enumOptions('siteKind', SITE_KINDS)} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={16}>
            <Form.Item name="answerType" label={t('checklists.item.answerType')} rules={[{ required: true }]}>
              <Radio.Group options={ANSWER_TYPES.map((a) => ({ value: a, label: label('answerType', a) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            {answerType !== 'photo' && (
              <Form.Item name="photoRequired" label={t('checklists.item.photoRequired')} valuePropName="checked">
                <Switch />
              </Form.Item>
            )}
          </Col>
        </Row>
        {answerType === 'number' && (
          <Form.Item label={t('checklists.item.threshold')} extra={t('checklists.item.thresholdHint')} required>
            <Space.Compact>
              <Form.Item name={['threshold', 'op']} noStyle rules={[{ required: true, message: t('common.required') }]}>
                <Select style={{ width: 90 }} options={OPS.map((op) => ({ value: op, label: op }))} placeholder={t('checklists.item.op')} />
              </Form.Item>
              <Form.Item name={['threshold', 'value']} noStyle rules={[{ required: true, message: t('common.required') }]}>
                <InputNumber style={{ width: 140 }} placeholder={t('checklists.item.value')} />
              </Form.Item>
              <Form.Item name={['threshold', 'unit']} noStyle initialValue="">
                <Input style={{ width: 100 }} maxLength={20} placeholder={t('checklists.item.unit')} />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
        )}
        {answerType === 'choice' && (
          <Form.List name="choices" initialValue={[{ value: '', label: '', fails: false }]}>
            {(fields, { add, remove }) => (
              <Form.Item label={t('checklists.item.choices')} required>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item name={[field.name, 'value']} rules={[{ required: true, max: 40, message: t('common.required') }]}>
                      <Input placeholder={t('checklists.item.choiceValue')} style={{ width: 140 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'label']} rules={[{ required: true, max: 100, message: t('common.required') }]}>
                      <Input placeholder={t('checklists.item.choiceLabel')} style={{ width: 300 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'fails']} valuePropName="checked" initialValue={false}>
                      <Checkbox>{t('checklists.item.choiceFails')}</Checkbox>
                    </Form.Item>
                    <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('checklists.draft.remove')} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ value: '', label: '', fails: false })}>
                  {t('checklists.item.addChoice')}
                </Button>
              </Form.Item>
            )}
          </Form.List>
        )}
        <Row gutter={12}>
          <Col span={16}>
            <Form.Item name="defaultMode" label={t('checklists.item.mode')} rules={[{ required: true }]}>
              <Radio.Group optionType="button" options={hazardOptions('rectificationMode', RECTIFICATION_MODES)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            {mode === 'deadline' && (
              <Form.Item name="defaultDays" label={t('checklists.item.days')} rules={[{ required: true, type: 'integer', min: 1, max: 365, message: t('common.required') }]}>
                <InputNumber min={1} max={365} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            )}
          </Col>
        </Row>
        <Form.Item name="legalBasis" label={t('checklists.item.legalBasis')} rules={[{ required: true, whitespace: true, min: 2, max: 500, message: t('common.required') }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} data-testid="checklist-item-legalBasis" />
        </Form.Item>
        <Form.Item name="suggestedFix" label={t('checklists.item.suggestedFix')} rules={[{ max: 500 }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
