import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n.ts';
import { isEnglish } from '../errors.ts';

export function LanguageSwitch({ ghost }: { ghost?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <Button
      data-testid="lang-switch"
      type={ghost ? 'default' : 'text'}
      ghost={ghost}
      icon={<GlobalOutlined />}
      onClick={() => setLanguage(isEnglish(i18n.language) ? 'zh' : 'en')}
    >
      {t('app.switchLanguage')}
    </Button>
  );
}
