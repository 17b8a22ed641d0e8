import { useState } from 'react';
import { Button, Card, Empty, Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ChecklistSummary } from '@anxun/contracts';
import { PageHeader } from '../../app/components/PageHeader.tsx';
import { LoadError } from '../../app/components/Status.tsx';
import { isEnglish } from '../../app/errors.ts';
import { useCurrentUser } from '../auth/api.ts';
import { useChecklists } from './api.ts';
import { CreateChecklistModal } from './CreateChecklistModal.tsx';

/** Every department's checklists; the server orders them by department, so equal departments are adjacent. */
export default function ChecklistsPage() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const checklists = useChecklists();
  const [creating, setCreating] = useState(false);
  const english = isEnglish(i18n.language);
  const rows = checklists.data ?? [];

  // Merge the department cell over its run of rows, so the table reads "by department".
  const departmentSpan = (index: number) => {
    const id = rows[index]?.departmentId;
    if (index > 0 && rows[index - 1]?.departmentId === id) return 0;
    let span = 1;
    while (rows[index + span]?.departmentId === id) span += 1;
    return span;
  };

  const columns: TableProps<ChecklistSummary>['columns'] = [
    { key: 'department', title: t('checklists.department'), dataIndex: 'departmentName', width: 160, onCell: (_, index) => ({ rowSpan: departmentSpan(index ?? 0) }) },
    { key: 'code', title: t('checklists.code'), dataIndex: 'code', width: 160, render: (code: string) => <code>{code}</code> },
    {
      key: 'name',
      title: t('checklists.name'),
      render: (_, c) => (
        <Link to={`/checklists/${c.id}`} data-testid="checklist-open">
          {english ? c.nameEn : c.name}
        </Link>
      ),
    },
    {
      key: 'published',
      title: t('checklists.publishedVersion'),
      width: 120,
      render: (_, c) => (c.publishedVersion ? t('checklists.versionLabel', { version: c.publishedVersion }) : <Tag>{t('checklists.notPublished')}</Tag>),
    },
    { key: 'draft', title: t('checklists.draftVersion'), width: 120, render: (_, c) => (c.draftVersion ? <Tag color="orange">{t('checklists.versionLabel', { version: c.draftVersion })}</Tag> : t('common.none')) },
    { key: 'count', title: t('checklists.itemCount'), dataIndex: 'itemCount', width: 110, align: 'right' },
  ];

  return (
    <>
      <PageHeader
        title={t('checklists.title')}
        subtitle={t('checklists.subtitle')}
        extra={
          me?.can['checklists.manage'] && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="checklists-create">
              {t('checklists.create')}
            </Button>
          )
        }
      />
      <Card>
        {checklists.isError && !checklists.data ? (
          <LoadError error={checklists.error} onRetry={() => void checklists.refetch()} />
        ) : (
          <div data-testid="checklists-list">
            <Table<ChecklistSummary>
              rowKey="id"
              size="middle"
              bordered
              columns={columns}
              dataSource={rows}
              loading={checklists.isFetching}
              pagination={false}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('checklists.empty')} /> }}
            />
          </div>
        )}
      </Card>
      {creating && <CreateChecklistModal onClose={() => setCreating(false)} />}
    </>
  );
}
