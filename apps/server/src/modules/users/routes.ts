import { asc } from 'drizzle-orm';
import { z } from 'zod';
import { Department, User, UserCreateBody, UserListQuery, UserUpdateBody, pageOf } from '@anxun/contracts';
import type { ModuleRoutes } from '../index.ts';
import { contextOf } from '../../platform/auth/session.ts';
import { forbidden } from '../../platform/errors.ts';
import { hasRole } from '../../platform/scope.ts';
import { listUsers } from './queries.ts';
import { createUser, updateUser } from './service.ts';
import { departments } from './schema.ts';

const Params = z.object({ id: z.uuid() });
const tags = ['users'];

export const userRoutes: ModuleRoutes = (app, { database }) => {
  app.get('/users', { schema: { tags, summary: '用户列表 List users', querystring: UserListQuery, response: { 200: pageOf(User) } } }, async (request) => {
    const ctx = contextOf(request, database);
    if (!hasRole(ctx.actor, ['admin', 'command_centre'])) throw forbidden();
    return listUsers(database.db, ctx.actor, request.query);
  });
  app.post('/users', { schema: { tags, summary: '新建用户 Create user', body: UserCreateBody, response: { 201: User } } }, async (request, reply) => {
    reply.status(201);
    return createUser(contextOf(request, database), request.body);
  });
  app.patch('/users/:id', { schema: { tags, summary: '修改用户 Update user', params: Params, body: UserUpdateBody, response: { 200: User } } }, async (request) =>
    updateUser(contextOf(request, database), request.params.id, request.body),
  );
  app.get('/departments', { schema: { tags, summary: '部门 Departments', response: { 200: z.array(Department) } } }, async (request) => {
    contextOf(request, database);
    return database.db.select().from(departments).orderBy(asc(departments.code));
  });
};
