import type { JobDefinition } from '../platform/jobs.ts';
import { SMS_DISPATCH_JOB } from '../platform/sms/dispatch-job.ts';
import { COLOUR_SWEEP_JOB } from './colours/sweep-job.ts';
import { DEADLINE_MESSAGES_JOB } from './hazards/reminder-job.ts';
import { NOTICE_RENDER_JOB } from './notices/job.ts';
import { RANKING_SNAPSHOT_JOB } from './rankings/snapshot-job.ts';

/** Every durable job the server runs, with its schedule. */
export const JOBS: JobDefinition[] = [SMS_DISPATCH_JOB, COLOUR_SWEEP_JOB, DEADLINE_MESSAGES_JOB, NOTICE_RENDER_JOB, RANKING_SNAPSHOT_JOB];
