import { App, Button, Drawer, Form, Input, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { MOBILE_PATTERN, ROLES } from '@anxun/contracts';
import type { Role, User } from '@anxun/contracts';
import { AreaTreeSelect } from '../../app/components/AreaTreeSelect.tsx';
import { isEnglish, useFormErrorHandler } from '../../app/errors.ts';
import { useEnumOptions } from '../../app/labels.ts';
import { useDepartments, useSaveUser } from './api.ts';
import type { UserCreateBody, UserUpdateBody } from './api.ts';

interface Values {
  username: string;
  displayName: string;
  phone?: string;
  password?: string;
  roles: Role[];
  departmentId?: string | null;
  scopeAreaIds: string[];
  active: boolean;
}

interface Props {
  /** null opens the drawer for a new user. */
  user: User | null;
  onClose: () => void;
}

export function UserDrawer({ user, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const options = useEnumOptions();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrorHandler(form);
  const departments = useDepartments();
  const save = useSaveUser(user?.id ?? null);
  const editing = !!user;

  const submit = (values: Values) => {
    const common = {
      displayName: values.displayName.trim(),
      phone: values.phone?.trim() || null,
      roles: values.roles,
      departmentId: values.departmentId ?? null,
      scopeAreaIds: values.scopeAreaIds,
    };
    const body: UserCreateBody | UserUpdateBody = editing
      ? { ...common, active: values.active, ...(values.password ? { password: values.password } : {}) }
      : { ...common, username: values.username.trim(), password: values.password ?? '' };
    save.mutate(body, {
      onSuccess: () => {
        void message.success(editing ? t('users.updated') : t('users.created'));
        onClose();
      },
      onError,
    });
  };

  const initial: Partial<Values> = user
    ? {
        username: user.username,
        displayName: user.displayName,
        phone: user.phone ?? undefined,
        roles: user.roles,
        departmentId: user.departmentId,
        scopeAreaIds: user.scopeAreaIds,
        active: user.active,
      }
    : { roles: [], scopeAreaIds: [], active: true };

  return (
    <Drawer
      open
      size={520}
      title={editing ? t('users.editTitle') : t('users.createTitle')}
      onClose={onClose}
      destroyOnHidden
      data-testid="user-drawer"
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="user-submit">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        <Form.Item
          name="username"
          label={t('users.username')}
          extra={editing ? undefined : t('users.usernamePattern')}
          rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]{2,64}$/, message: t('users.usernamePattern') }]}
        >
          <Input disabled={editing} autoComplete="off" data-testid="user-field-username" />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, whitespace: true, max: 64, message: t('common.required') }]}>
          <Input maxLength={64} data-testid="user-field-displayName" />
        </Form.Item>
        <Form.Item name="phone" label={t('users.phone')} rules={[{ pattern: MOBILE_PATTERN, message: t('common.phoneInvalid') }]}>
          <Input maxLength={11} inputMode="numeric" data-testid="user-field-phone" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('users.password')}
          extra={editing ? t('users.passwordKeep') : undefined}
          rules={[{ required: !editing, message: t('common.required') }, { min: 8, message: t('users.passwordMin') }]}
        >
          <Input.Password autoComplete="new-password" data-testid="user-field-password" />
        </Form.Item>
        <Form.Item name="roles" label={t('users.roles')} rules={[{ required: true, type: 'array', min: 1, message: t('common.required') }]}>
          <Select mode="multiple" options={options('role', ROLES)} placeholder={t('common.selectPlaceholder')} data-testid="user-field-roles" />
        </Form.Item>
        <Form.Item name="departmentId" label={t('users.department')}>
          <Select
            allowClear
            loading={departments.isPending}
            placeholder={t('common.selectPlaceholder')}
            options={(departments.data ?? []).map((department) => ({
              value: department.id,
              label: isEnglish(i18n.language) ? department.nameEn : department.name,
            }))}
          />
        </Form.Item>
        <Form.Item name="scopeAreaIds" label={t('users.scopes')} rules={[{ required: true, type: 'array', min: 1, message: t('common.required') }]}>
          <AreaTreeSelect multiple />
        </Form.Item>
        {editing && (
          <Form.Item name="active" label={t('users.status')} valuePropName="checked">
            <Switch checkedChildren={t('users.active')} unCheckedChildren={t('users.inactive')} />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
