import type { FeatureLocale } from '../../app/locales/features.ts';

/** Large lists (capped totals) and streamed xlsx exports with progress. */
export const EXPORTS_LOCALE: FeatureLocale = {
  zh: {
    exports: {
      totalAtLeast: '共 {{n}}+ 条',
      button: '导出 Excel',
      ledger: '导出台账',
      title: '正在导出',
      preparing: '正在准备…',
      rows: '已导出 {{done}} / {{total}} 行',
      rowsUnknown: '已导出 {{done}} 行',
      bytes: '已下载 {{size}}',
      done: '导出完成：{{rows}} 行，文件在浏览器的下载列表中',
      failed: '导出失败',
      close: '关闭',
      hide: '关闭窗口（下载继续）',
      large: '数据量较大（{{total}} 行），导出可能需要几分钟，请保持页面打开。',
    },
  },
  en: {
    exports: {
      totalAtLeast: '{{n}}+ in total',
      button: 'Export to Excel',
      ledger: 'Export ledger',
      title: 'Exporting',
      preparing: 'Preparing…',
      rows: '{{done}} of {{total}} rows exported',
      rowsUnknown: '{{done}} rows exported',
      bytes: '{{size}} downloaded',
      done: 'Export finished: {{rows}} rows; the file is in the browser’s downloads',
      failed: 'Export failed',
      close: 'Close',
      hide: 'Hide (the download continues)',
      large: 'A large export ({{total}} rows) may take a few minutes; keep this page open.',
    },
  },
};
