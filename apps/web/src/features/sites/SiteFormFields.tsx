import { Col, Divider, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import type { FormInstance, FormRule as Rule } from 'antd';
import { useTranslation } from 'react-i18next';
import { isValidUscc, MOBILE_PATTERN, RISK_LEVELS, SITE_FLAGS, SITE_KINDS } from '@anxun/contracts';
import { AreaTreeSelect } from '../../app/components/AreaTreeSelect.tsx';
import { useEnumOptions } from '../../app/labels.ts';
import type { SiteFormValues } from './siteForm.ts';

function Section({ title }: { title: string }) {
  return (
    <Divider titlePlacement="start" style={{ marginTop: 8 }}>
      <Typography.Text strong>{title}</Typography.Text>
    </Divider>
  );
}

export function SiteFormFields({ form }: { form: FormInstance<SiteFormValues> }) {
  const { t } = useTranslation();
  const options = useEnumOptions();
  const required: Rule = { required: true, whitespace: true, message: t('common.required') };

  // Longitude and latitude only make sense as a pair.
  const pairRule = (other: 'lng' | 'lat'): Rule => ({
    validator: async (_, value: number | null | undefined) => {
      const otherValue = form.getFieldValue(['location', other]) as number | null | undefined;
      const has = (v: number | null | undefined) => typeof v === 'number';
      if (has(value) !== has(otherValue)) throw new Error(t('sites.form.locationIncomplete'));
    },
  });

  return (
    <>
      <Section title={t('sites.form.basic')} />
      <Row gutter={24}>
        <Col xs={24} md={12}>
          <Form.Item name="name" label={t('fields.name')} rules={[required, { max: 200 }]}>
            <Input maxLength={200} data-testid="site-field-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="creditCode"
            label={t('fields.creditCode')}
            normalize={(value: string) => value?.toUpperCase()}
            rules={[
              {
                validator: async (_, value: string | undefined) => {
                  if (value?.trim() && !isValidUscc(value.trim())) throw new Error(t('sites.form.creditCodeInvalid'));
                },
              },
            ]}
          >
            <Input maxLength={18} style={{ fontFamily: 'monospace' }} data-testid="site-field-creditCode" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="kind" label={t('fields.kind')} rules={[{ required: true, message: t('common.required') }]}>
            <Select options={options('siteKind', SITE_KINDS)} data-testid="site-field-kind" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="flags" label={t('fields.flags')}>
            <Select mode="multiple" allowClear options={options('siteFlag', SITE_FLAGS)} placeholder={t('common.selectPlaceholder')} data-testid="site-field-flags" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="industry" label={t('fields.industry')} rules={[{ max: 100 }]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      </Row>

      <Section title={t('sites.form.location')} />
      <Row gutter={24}>
        <Col xs={24} md={12}>
          <Form.Item name="areaId" label={t('fields.areaId')} rules={[{ required: true, message: t('common.required') }]}>
            <AreaTreeSelect allowClear={false} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="address" label={t('fields.address')} rules={[required, { max: 300 }]}>
            <Input maxLength={300} data-testid="site-field-address" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="coordSystem" label={t('fields.coordSystem')} extra={t('sites.form.coordHint')}>
            <Select
              options={[
                { value: 'wgs84', label: t('sites.coordSystem.wgs84') },
                { value: 'gcj02', label: t('sites.coordSystem.gcj02') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name={['location', 'lng']} label={t('fields.lng')} dependencies={[['location', 'lat']]} rules={[pairRule('lat')]}>
            <InputNumber min={-180} max={180} step={0.000001} style={{ width: '100%' }} placeholder="120.123456" data-testid="site-field-lng" />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name={['location', 'lat']} label={t('fields.lat')} dependencies={[['location', 'lng']]} rules={[pairRule('lng')]}>
            <InputNumber min={-90} max={90} step={0.000001} style={{ width: '100%' }} placeholder="30.123456" data-testid="site-field-lat" />
          </Form.Item>
        </Col>
      </Row>

      <Section title={t('sites.form.contact')} />
      <Row gutter={24}>
        <Col xs={24} md={12}>
          <Form.Item name="responsiblePerson" label={t('fields.responsiblePerson')} rules={[{ max: 50 }]}>
            <Input maxLength={50} data-testid="site-field-responsiblePerson" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="phone" label={t('fields.phone')} rules={[{ pattern: MOBILE_PATTERN, message: t('common.phoneInvalid') }]}>
            <Input maxLength={11} inputMode="numeric" data-testid="site-field-phone" />
          </Form.Item>
        </Col>
      </Row>

      <Section title={t('sites.form.risk')} />
      <Row gutter={24}>
        <Col xs={24} md={8}>
          <Form.Item name="riskLevel" label={t('fields.riskLevel')}>
            <Select allowClear options={options('risk', RISK_LEVELS)} placeholder={t('common.selectPlaceholder')} data-testid="site-field-riskLevel" />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="employees" label={t('fields.employees')}>
            <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="floorArea" label={t('fields.floorArea')}>
            <InputNumber min={0} max={10_000_000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
