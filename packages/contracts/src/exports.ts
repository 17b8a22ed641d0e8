import { z } from 'zod';

/** Query parameters every streamed xlsx export takes besides its list's filters. */
export const ExportParams = z.object({
  /** Chosen by the browser, so it can poll GET /api/exports/{id}/progress while the file downloads. */
  exportId: z
    .string()
    .regex(/^[A-Za-z0-9-]{8,64}$/)
    .optional()
    .describe('浏览器生成的导出编号，用于查询进度 Export id chosen by the browser, for progress'),
  /** Header language: officials expect Chinese; the English interface asks for English. */
  lang: z.enum(['zh', 'en']).default('zh'),
});

export const ExportProgress = z.object({
  rows: z.number().int(),
  /** Rows the export will hold, counted before it started. */
  total: z.number().int().nullable(),
  done: z.boolean(),
  failed: z.boolean(),
});
export type ExportProgress = z.infer<typeof ExportProgress>;
