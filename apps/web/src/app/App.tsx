import { useState } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { useTranslation } from 'react-i18next';
import { createQueryClient } from './queryClient.ts';
import { preloadRoute, router } from './router.tsx';
import { theme } from './theme.ts';
import { isEnglish } from './errors.ts';

export function App() {
  const [queryClient] = useState(() => {
    const client = createQueryClient();
    preloadRoute(client, window.location);
    return client;
  });
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={isEnglish(i18n.language) ? enUS : zhCN} theme={theme}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
