import type { FastifyInstance, RawServerDefault, FastifyBaseLogger } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../app.ts';
import { healthRoutes } from './health/routes.ts';
import { authRoutes } from './auth/routes.ts';
import { areaRoutes } from './areas/routes.ts';
import { siteRoutes } from './sites/routes.ts';
import { userRoutes } from './users/routes.ts';
import { photoRoutes } from './photos/routes.ts';
import { inspectionRoutes } from './inspections/routes.ts';
import { hazardRoutes } from './hazards/routes.ts';
import { messageRoutes } from './messages/routes.ts';
import { siteImportRoutes } from './site-imports/routes.ts';
import { siteOrderRoutes } from './site-orders/routes.ts';
import { noticeRoutes } from './notices/routes.ts';
import { checklistRoutes } from './checklists/routes.ts';
import { mapRoutes } from './map/routes.ts';
import { dashboardRoutes } from './dashboard/routes.ts';
import { rankingRoutes } from './rankings/routes.ts';
import { campaignRoutes } from './campaigns/routes.ts';
import { nailRoutes } from './nails/routes.ts';
import { exportRoutes } from './exports/routes.ts';
import { briefingRoutes } from './briefings/routes.ts';

export type Api = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;
export type ModuleRoutes = (app: Api, deps: ModuleDeps) => Promise<void> | void;

/** Every feature's routes, mounted under /api. */
export const MODULES: ModuleRoutes[] = [healthRoutes, authRoutes, areaRoutes, siteRoutes, userRoutes, siteImportRoutes, photoRoutes, inspectionRoutes, hazardRoutes, messageRoutes, siteOrderRoutes, noticeRoutes, checklistRoutes, dashboardRoutes, campaignRoutes, rankingRoutes, nailRoutes, mapRoutes, exportRoutes, briefingRoutes];
