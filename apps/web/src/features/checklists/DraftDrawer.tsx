import { useMemo, useState } from 'react';
import { Alert, App, Button, Drawer, Popconfirm, Space, Tag } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ChecklistVersion } from '@anxun/contracts';
import { ApiRequestError } from '../../app/api.ts';
import { isEnglish, useErrorText } from '../../app/errors.ts';
import { toEditable, useSaveDraft } from './api.ts';
import type { EditableItem } from './api.ts';
import { ItemFormModal } from './ItemFormModal.tsx';
import { ItemsTable } from './ItemsTable.tsx';

interface Props {
  checklistId: string;
  draft: ChecklistVersion;
  onClose: () => void;
}

/** Editing is local until "save draft", which replaces the draft's items in one request. */
export function DraftDrawer({ checklistId, draft, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const initial = useMemo(() => toEditable(draft.items), [draft.items]);
  const [items, setItems] = useState<EditableItem[]>(initial);
  // undefined: no form open; null: adding; a number: editing that index.
  const [editing, setEditing] = useState<number | null | undefined>(undefined);
  const [errors, setErrors] = useState<string[]>([]);
  const save = useSaveDraft(checklistId);
  const dirty = JSON.stringify(items) !== JSON.stringify(initial);

  const move = (index: number, by: -1 | 1) =>
    setItems((list) => {
      const next = [...list];
      const [moved] = next.splice(index, 1);
      next.splice(index + by, 0, moved!);
      return next;
    });

  const onSaved = (item: EditableItem) => {
    setItems((list) => (editing === null || editing === undefined ? [...list, item] : list.map((old, i) => (i === editing ? item : old))));
    setEditing(undefined);
  };

  /** Field errors come back as body.items.<index>.<field>; name the item so the user can find it. */
  const describe = (error: unknown): string[] => {
    if (!(error instanceof ApiRequestError) || !error.body.details?.length) return [errorText(error)];
    const english = isEnglish(i18n.language);
    return error.body.details.map((d) => {
      const index = /^body\.items\.(\d+)/.exec(d.path)?.[1];
      const text = english ? d.messageEn : d.message;
      if (index === undefined) return text;
      return t('checklists.draft.errorAt', { index: Number(index) + 1, code: items[Number(index)]?.code ?? '', message: text });
    });
  };

  const submit = () =>
    save.mutate(items, {
      onSuccess: () => {
        setErrors([]);
        void message.success(t('checklists.draft.saved'));
        onClose();
      },
      onError: (error) => setErrors(describe(error)),
    });

  const close = () => {
    if (!dirty) return onClose();
    modal.confirm({ title: t('checklists.draft.discardConfirm'), okText: t('common.ok'), cancelText: t('common.cancel'), onOk: onClose });
  };

  const otherCodes = items.filter((_, i) => i !== editing).map((item) => item.code);

  return (
    <Drawer
      open
      size="100%"
      title={
        <Space>
          {t('checklists.draft.title', { version: draft.version })}
          {dirty && <Tag color="orange">{t('checklists.draft.unsaved')}</Tag>}
        </Space>
      }
      onClose={close}
      destroyOnHidden
      data-testid="checklist-draft-drawer"
      extra={
        <Space>
          <Button icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="checklist-item-add">
            {t('checklists.draft.add')}
          </Button>
          <Button type="primary" loading={save.isPending} disabled={items.length === 0} onClick={submit} data-testid="checklist-draft-save">
            {t('checklists.draft.save')}
          </Button>
        </Space>
      }
    >
      {errors.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('checklists.draft.errorsTitle')}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {errors.map((e, i) => (
                <li key={i}>{e}</li>
              ))}
            </ul>
          }
          data-testid="checklist-draft-errors"
        />
      )}
      <ItemsTable
        items={items}
        testId="checklist-draft-table"
        actions={(item, index) => (
          <Space size={0}>
            <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(index)} aria-label={t('common.edit')} />
            <Button type="link" size="small" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, -1)} aria-label={t('checklists.draft.moveUp')} />
            <Button
              type="link"
              size="small"
              icon={<ArrowDownOutlined />}
              disabled={index === items.length - 1}
              onClick={() => move(index, 1)}
              aria-label={t('checklists.draft.moveDown')}
            />
            <Popconfirm title={t('checklists.draft.removeConfirm', { code: item.code })} onConfirm={() => setItems((list) => list.filter((_, i) => i !== index))}>
              <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={t('checklists.draft.remove')} />
            </Popconfirm>
          </Space>
        )}
      />
      {editing !== undefined && (
        <ItemFormModal item={editing === null ? null : (items[editing] ?? null)} otherCodes={otherCodes} onSave={onSaved} onClose={() => setEditing(undefined)} />
      )}
    </Drawer>
  );
}
