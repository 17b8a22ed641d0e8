import type { Role } from '@anxun/contracts';
import type { Database } from './db/client.ts';

/** Who is acting; loaded once per request from the session. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  roles: readonly Role[];
  departmentId: string | null;
  phone: string | null;
  /** Materialised paths of the user's areas; everything they see lies under one of them. */
  scopePaths: readonly string[];
}

/** What every service call receives: the actor and where the request came from. */
export interface RequestContext {
  database: Database;
  actor: Actor;
  ip: string | null;
  requestId: string | null;
  /** Scheme and host the request came in on, for links sent by SMS; absent for CLI and jobs. */
  origin?: string;
  /**
   * The clock domain times are stamped with. Only the simulation and the demo seed set it, to
   * replay a campaign over past days through the real services; requests never do.
   */
  now?: () => Date;
}

/** "Now" for a service call: the context's clock when one is set, real time otherwise. */
export const nowOf = (ctx: Pick<RequestContext, 'now'>): Date => (ctx.now ? ctx.now() : new Date());

/** The actor for CLI commands and jobs: sees everything, recorded as "system". */
export const SYSTEM_ACTOR: Actor = {
  id: '00000000-0000-0000-0000-000000000000',
  username: 'system',
  displayName: '系统',
  roles: ['admin'],
  departmentId: null,
  phone: null,
  scopePaths: ['/'],
};
