import { useState } from 'react';
import { Button, Input, Space } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

interface Props {
  /** The keyword in the URL; the box follows it when it changes underneath (back button, reset). */
  value: string | undefined;
  onSearch: (q: string | undefined) => void;
  placeholder: string;
  /** `<testId>` on the input, `<testId>-button` on the button. */
  testId: string;
}

/** A list's keyword box: searches on Enter or the button, clears the filter when emptied. */
export function KeywordSearch({ value, onSearch, placeholder, testId }: Props) {
  const { t } = useTranslation();
  const [keyword, setKeyword] = useState(value ?? '');
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setKeyword(value ?? '');
  }
  const search = () => onSearch(keyword.trim() || undefined);

  return (
    // A plain Input keeps the test id on the <input> itself; Input.Search puts it on a wrapper.
    <Space.Compact style={{ width: '100%' }}>
      <Input
        allowClear
        prefix={<SearchOutlined style={{ color: 'rgba(0,0,0,0.35)' }} />}
        value={keyword}
        onChange={(event) => {
          setKeyword(event.target.value);
          if (!event.target.value && value) onSearch(undefined);
        }}
        onPressEnter={search}
        placeholder={placeholder}
        data-testid={testId}
      />
      <Button type="primary" onClick={search} data-testid={`${testId}-button`}>
        {t('common.search')}
      </Button>
    </Space.Compact>
  );
}
