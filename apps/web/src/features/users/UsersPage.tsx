import { useMemo, useState } from 'react';
import { Badge, Button, Card, Col, Empty, Input, Row, Select, Space, Table, Tag, Tooltip } from 'antd';
import type { TableProps } from 'antd';
import { EditOutlined, LockOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ROLES } from '@anxun/contracts';
import type { Role, User } from '@anxun/contracts';
import { PageHeader } from '../../app/components/PageHeader.tsx';
import { LoadError } from '../../app/components/Status.tsx';
import { isEnglish } from '../../app/errors.ts';
import { useEnumOptions, useFormatters, useLabels } from '../../app/labels.ts';
import { AreaName } from '../areas/AreaName.tsx';
import { useDepartments, useUsers } from './api.ts';
import type { UserQuery } from './api.ts';
import { UserDrawer } from './UserDrawer.tsx';

export default function UsersPage() {
  const { t, i18n } = useTranslation();
  const label = useLabels();
  const options = useEnumOptions();
  const format = useFormatters();
  const [query, setQuery] = useState<UserQuery>({ page: 1, pageSize: 20 });
  const [keyword, setKeyword] = useState('');
  // undefined: drawer closed; null: creating; a user: editing.
  const [editing, setEditing] = useState<User | null | undefined>(undefined);
  const users = useUsers(query);
  const departments = useDepartments();

  const departmentName = useMemo(() => {
    const english = isEnglish(i18n.language);
    const names = new Map((departments.data ?? []).map((d) => [d.id, english ? d.nameEn : d.name]));
    return (id: string | null) => (id ? (names.get(id) ?? '…') : t('common.none'));
  }, [departments.data, i18n.language, t]);

  const search = () => setQuery((previous) => ({ ...previous, page: 1, q: keyword.trim() || undefined }));

  const columns: TableProps<User>['columns'] = [
    { key: 'username', title: t('users.username'), dataIndex: 'username', width: 140, render: (v: string) => <code>{v}</code> },
    { key: 'displayName', title: t('users.displayName'), dataIndex: 'displayName', width: 120 },
    { key: 'phone', title: t('users.phone'), dataIndex: 'phone', width: 130, render: (v: string | null) => v ?? t('common.none') },
    {
      key: 'roles',
      title: t('users.roles'),
      render: (_, user) => user.roles.map((role) => <Tag key={role} color={role === 'admin' ? 'volcano' : 'blue'}>{label('role', role)}</Tag>),
    },
    { key: 'department', title: t('users.department'), width: 120, render: (_, user) => departmentName(user.departmentId) },
    {
      key: 'scopes',
      title: t('users.scopes'),
      width: 180,
      render: (_, user) => (
        <Space size={[4, 4]} wrap>
          {user.scopeAreaIds.map((areaId) => (
            <Tag key={areaId}>
              <AreaName id={areaId} />
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      key: 'status',
      title: t('users.status'),
      width: 130,
      render: (_, user) => {
        const locked = !!user.lockedUntil && new Date(user.lockedUntil) > new Date();
        return (
          <Space size={4}>
            <Badge status={user.active ? 'success' : 'default'} text={user.active ? t('users.active') : t('users.inactive')} />
            {locked && (
              <Tooltip title={format.dateTime(user.lockedUntil)}>
                <Tag color="red" icon={<LockOutlined />}>
                  {t('users.locked')}
                </Tag>
              </Tooltip>
            )}
          </Space>
        );
      },
    },
    { key: 'createdAt', title: t('users.createdAt'), width: 170, render: (_, user) => format.dateTime(user.createdAt) },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 90,
      fixed: 'right',
      render: (_, user) => (
        <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(user)} data-testid="user-edit">
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="users-create">
            {t('users.create')}
          </Button>
        }
      />
      <Card>
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
          <Col xs={24} md={10} xl={8}>
            <Space.Compact style={{ width: '100%' }}>
              <Input
                allowClear
                prefix={<SearchOutlined style={{ color: 'rgba(0,0,0,0.35)' }} />}
                placeholder={t('users.searchPlaceholder')}
                value={keyword}
                onChange={(event) => setKeyword(event.target.value)}
                onPressEnter={search}
                data-testid="users-search"
              />
              <Button type="primary" onClick={search}>
                {t('common.search')}
              </Button>
            </Space.Compact>
          </Col>
          <Col xs={24} md={6} xl={4}>
            <Select<Role>
              allowClear
              style={{ width: '100%' }}
              placeholder={t('users.rolePlaceholder')}
              value={query.role}
              onChange={(role) => setQuery((previous) => ({ ...previous, page: 1, role }))}
              options={options('role', ROLES)}
            />
          </Col>
        </Row>
        {users.isError && !users.data ? (
          <LoadError error={users.error} onRetry={() => void users.refetch()} />
        ) : (
          <div data-testid="users-table">
            <Table<User>
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={users.data?.items ?? []}
              loading={users.isFetching}
              scroll={{ x: 1200 }}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('users.empty')} /> }}
              pagination={{
                current: users.data?.page ?? query.page,
                pageSize: users.data?.pageSize ?? query.pageSize,
                total: users.data?.total ?? 0,
                showSizeChanger: true,
                showTotal: (total) => t('common.total', { count: total }),
                onChange: (page, pageSize) => setQuery((previous) => ({ ...previous, page: pageSize === previous.pageSize ? page : 1, pageSize })),
              }}
            />
          </div>
        )}
      </Card>
      {editing !== undefined && <UserDrawer user={editing} onClose={() => setEditing(undefined)} />}
    </>
  );
}
