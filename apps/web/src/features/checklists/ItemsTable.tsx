import type { ReactNode } from 'react';
import { Empty, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { KindTag } from '../../app/components/tags.tsx';
import { isEnglish } from '../../app/errors.ts';
import { HazardLevelTag, ModeTag } from '../hazards/HazardTags.tsx';
import type { EditableItem } from './api.ts';
import { useAnswerSummary, useChecklistLabels } from './labels.ts';

interface Props<T extends EditableItem> {
  items: readonly T[];
  loading?: boolean;
  testId: string;
  /** An extra last column (the draft editor's edit/move/remove buttons). */
  actions?: (item: T, index: number) => ReactNode;
  emptyText?: string;
}

/** The item list as the published form shows it; the draft editor reuses it with actions. */
export function ItemsTable<T extends EditableItem>({ items, loading, testId, actions, emptyText }: Props<T>) {
  const { t, i18n } = useTranslation();
  const label = useChecklistLabels();
  const answerSummary = useAnswerSummary();
  const english = isEnglish(i18n.language);

  const columns: TableProps<T>['columns'] = [
    { key: 'code', title: t('checklists.item.code'), dataIndex: 'code', width: 110, fixed: 'left', render: (code: string) => <code>{code}</code> },
    {
      key: 'text',
      title: t('checklists.item.text'),
      width: 340,
      render: (_, item) => (
        <Space orientation="vertical" size={2}>
          <span>{english ? item.textEn : item.text}</span>
          {item.suggestedFix && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('checklists.item.suggestedFix')}
              {english ? ': ' : '：'}
              {item.suggestedFix}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { key: 'domain', title: t('checklists.item.domain'), width: 100, render: (_, item) => label('domain', item.domain) },
    {
      key: 'siteKinds',
      title: t('checklists.item.siteKinds'),
      width: 190,
      render: (_, item) => (
        <Space size={[0, 4]} wrap>
          {item.siteKinds.map((kind) => (
            <KindTag key={kind} kind={kind} />
          ))}
        </Space>
      ),
    },
    {
      key: 'answerType',
      title: t('checklists.item.answerType'),
      width: 170,
      render: (_, item) => (
        <Space orientation="vertical" size={2}>
          <Space size={4}>
            {label('answerType', item.answerType)}
            {item.photoRequired && (
              <Tooltip title={t('checklists.item.photoRequired')}>
                <CameraOutlined />
              </Tooltip>
            )}
          </Space>
          {answerSummary(item) && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {answerSummary(item)}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { key: 'level', title: t('checklists.item.level'), width: 100, render: (_, item) => <HazardLevelTag level={item.defaultLevel} /> },
    { key: 'mode', title: t('checklists.item.mode'), width: 100, render: (_, item) => <ModeTag mode={item.defaultMode} /> },
    {
      key: 'days',
      title: t('checklists.item.days'),
      width: 90,
      render: (_, item) => (item.defaultMode === 'deadline' ? item.defaultDays : <Tag variant="outlined">{t('common.none')}</Tag>),
    },
    {
      key: 'legalBasis',
      title: t('checklists.item.legalBasis'),
      width: 260,
      render: (_, item) => (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: item.legalBasis }} style={{ marginBottom: 0, fontSize: 12 }}>
          {item.legalBasis}
        </Typography.Paragraph>
      ),
    },
  ];
  if (actions) columns.push({ key: 'actions', title: t('common.actions'), width: 150, fixed: 'right', render: (_, item, index) => actions(item, index) });

  return (
    <div data-testid={testId}>
      <Table<T>
        rowKey={(item) => item.code}
        size="small"
        columns={columns}
        dataSource={[...items]}
        loading={loading}
        pagination={false}
        scroll={{ x: 1500 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText ?? t('checklists.noItems')} /> }}
      />
    </div>
  );
}
