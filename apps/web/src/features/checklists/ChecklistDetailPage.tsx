import { useState } from 'react';
import { Alert, App, Button, Card, Select, Space, Tag, Typography } from 'antd';
import { CloudUploadOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ChecklistSummary } from '@anxun/contracts';
import { PageHeader } from '../../app/components/PageHeader.tsx';
import { LoadError, NotFound, PageLoading } from '../../app/components/Status.tsx';
import { isEnglish, useErrorText } from '../../app/errors.ts';
import { useFormatters } from '../../app/labels.ts';
import { useChecklists, useChecklistVersion, useCreateDraft, usePublish } from './api.ts';
import { DraftDrawer } from './DraftDrawer.tsx';
import { ItemsTable } from './ItemsTable.tsx';
import { useChecklistLabels } from './labels.ts';

type Status = 'draft' | 'published' | 'retired';
const STATUS_COLOURS: Record<Status, string> = { draft: 'orange', published: 'green', retired: 'default' };

/** Versions are numbered from 1 without gaps; the draft, when there is one, is the newest. */
function versionStatus(c: ChecklistSummary, n: number): Status {
  if (n === c.draftVersion) return 'draft';
  return n === c.publishedVersion ? 'published' : 'retired';
}

export default function ChecklistDetailPage() {
  const { id } = useParams();
  const checklists = useChecklists();
  const checklist = checklists.data?.find((c) => c.id === id);
  if (checklists.isPending) return <PageLoading />;
  if (checklists.isError && !checklists.data) return <LoadError error={checklists.error} onRetry={() => void checklists.refetch()} />;
  if (!checklist) return <NotFound />;
  return <ChecklistDetail key={checklist.id} checklist={checklist} />;
}

function ChecklistDetail({ checklist }: { checklist: ChecklistSummary }) {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const format = useFormatters();
  const label = useChecklistLabels();
  const canEdit = !!checklist.allowed.edit;
  const [chosen, setChosen] = useState<number | null>(null);
  const [editing, setEditing] = useState(false);
  // Non-editors cannot read drafts, so their newest version is the published one.
  const newest = Math.max(checklist.publishedVersion ?? 0, canEdit ? (checklist.draftVersion ?? 0) : 0);
  const selected = chosen ?? checklist.publishedVersion ?? (newest || null);
  const version = useChecklistVersion(checklist.id, selected);
  const draft = useChecklistVersion(checklist.id, editing ? checklist.draftVersion : null);
  const createDraft = useCreateDraft(checklist.id);
  const publish = usePublish(checklist.id);

  const startDraft = () =>
    createDraft.mutate(undefined, {
      onSuccess: (created) => {
        void message.success(t('checklists.draftCreated', { version: created.version }));
        setEditing(true);
      },
      onError: (error) => void message.error(errorText(error)),
    });

  const confirmPublish = () =>
    modal.confirm({
      title: t('checklists.publishConfirm', { version: checklist.draftVersion }),
      content: t('checklists.publishHint'),
      okText: t('checklists.publish'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'checklist-publish-confirm' },
      onOk: () =>
        publish.mutateAsync(undefined).then(
          (published) => {
            void message.success(t('checklists.published', { version: published.version }));
            setChosen(published.version);
          },
          (error: unknown) => void message.error(errorText(error)),
        ),
    });

  const options = Array.from({ length: newest }, (_, i) => newest - i).map((n) => ({
    value: n,
    label: `${t('checklists.versionLabel', { version: n })} · ${label('status', versionStatus(checklist, n))}`,
  }));

  return (
    <>
      <PageHeader
        breadcrumb={[{ title: <Link to="/checklists">{t('checklists.title')}</Link> }, { title: checklist.code }]}
        title={isEnglish(i18n.language) ? checklist.nameEn : checklist.name}
        subtitle={`${checklist.departmentName} · ${checklist.code}`}
        extra={
          canEdit && (
            <Space>
              {checklist.draftVersion ? (
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="checklist-edit-draft">
                  {t('checklists.editDraft')}
                </Button>
              ) : (
                <Button icon={<PlusOutlined />} loading={createDraft.isPending} onClick={startDraft} data-testid="checklist-new-draft">
                  {t('checklists.newDraft')}
                </Button>
              )}
              {checklist.draftVersion && (
                <Button type="primary" icon={<CloudUploadOutlined />} loading={publish.isPending} onClick={confirmPublish} data-testid="checklist-publish">
                  {t('checklists.publish')}
                </Button>
              )}
            </Space>
          )
        }
      />
      {!canEdit && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('checklists.readOnly')} />}
      <Card
        title={
          <Space wrap>
            <span>{t('checklists.versionSelect')}</span>
            <Select<number>
              style={{ minWidth: 200 }}
              value={selected ?? undefined}
              onChange={setChosen}
              options={options}
              placeholder={t('checklists.noVersion')}
              data-testid="checklist-version"
            />
            {version.data && <Tag color={STATUS_COLOURS[version.data.status]}>{label('status', version.data.status)}</Tag>}
            {version.data?.publishedAt && <Typography.Text type="secondary">{t('checklists.publishedAt', { at: format.dateTime(version.data.publishedAt) })}</Typography.Text>}
          </Space>
        }
        extra={version.data && t('common.total', { count: version.data.items.length })}
      >
        {version.isError ? (
          <LoadError error={version.error} onRetry={() => void version.refetch()} />
        ) : (
          <ItemsTable items={version.data?.items ?? []} loading={version.isFetching} testId="checklist-table" emptyText={selected ? undefined : t('checklists.noVersion')} />
        )}
      </Card>
      {editing && draft.data?.status === 'draft' && <DraftDrawer checklistId={checklist.id} draft={draft.data} onClose={() => setEditing(false)} />}
    </>
  );
}
