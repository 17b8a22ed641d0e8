import { App, Button, Card, Form, Space } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/components/PageHeader.tsx';
import { Forbidden, LoadError, PageLoading } from '../../app/components/Status.tsx';
import { useFormErrorHandler } from '../../app/errors.ts';
import { useSaveSite, useSite } from './api.ts';
import { initialValues, toBody } from './siteForm.ts';
import type { SiteFormValues } from './siteForm.ts';
import { SiteFormFields } from './SiteFormFields.tsx';

export default function SiteFormPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { id } = useParams<{ id: string }>();
  const site = useSite(id);
  const [form] = Form.useForm<SiteFormValues>();
  const save = useSaveSite(id);
  const onError = useFormErrorHandler(form);

  if (id && site.isPending) return <PageLoading />;
  if (id && site.isError) return <LoadError error={site.error} onRetry={() => void site.refetch()} />;
  if (id && site.data && !site.data.allowed['update']) return <Forbidden />;

  const title = id ? t('sites.form.editTitle') : t('sites.form.createTitle');
  const back = id ? `/sites/${id}` : '/sites';

  const submit = (values: SiteFormValues) =>
    save.mutate(toBody(values), {
      onSuccess: (saved) => {
        void message.success(id ? t('common.saved') : t('sites.form.created'));
        void navigate(`/sites/${saved.id}`, { replace: !id });
      },
      onError,
    });

  return (
    <>
      <PageHeader
        breadcrumb={[
          { title: <Link to="/sites">{t('sites.title')}</Link> },
          ...(site.data ? [{ title: <Link to={back}>{site.data.name}</Link> }] : []),
          { title },
        ]}
        title={title}
      />
      <Card>
        <Form<SiteFormValues>
          form={form}
          layout="vertical"
          initialValues={initialValues(site.data)}
          onFinish={submit}
          scrollToFirstError
          style={{ maxWidth: 1080 }}
          data-testid="site-form"
        >
          <SiteFormFields form={form} />
          <Space style={{ marginTop: 8 }}>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="site-submit">
              {t('common.save')}
            </Button>
            <Button onClick={() => void navigate(back)}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
