import type { JobDefinition } from '../../platform/jobs.ts';
import { createStorage } from '../../platform/storage/index.ts';
import { renderPendingNotices } from './service.ts';

export const NOTICE_RENDER_JOB_NAME = 'notice-render';

/**
 * Pre-renders 整改通知书 after inspections commit (trigger NOTICE_RENDER_JOB_NAME), so the party's
 * first download is instant; a notice the job has not reached yet is still rendered on first read.
 */
export const NOTICE_RENDER_JOB: JobDefinition = {
  name: NOTICE_RENDER_JOB_NAME,
  async run({ config, database, log }) {
    const storage = createStorage(config);
    // Drain in batches: a burst of inspections may leave more than one batch waiting.
    for (;;) {
      const { rendered, failed } = await renderPendingNotices(database.db, storage);
      for (const f of failed) log.error({ noticeId: f.id, error: f.error }, 'notice render failed');
      if (rendered.length === 0) return;
    }
  },
};
