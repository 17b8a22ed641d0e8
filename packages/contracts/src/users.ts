import { z } from 'zod';
import { Role } from './enums.ts';
import { Id, IsoDateTime, PageQuery } from './common.ts';
import { MESSAGES, MOBILE_PATTERN } from './validators.ts';

export const Department = z.object({ id: Id, code: z.string(), name: z.string(), nameEn: z.string() });
export type Department = z.infer<typeof Department>;

export const User = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  phone: z.string().nullable(),
  roles: z.array(Role),
  departmentId: Id.nullable(),
  scopeAreaIds: z.array(Id),
  active: z.boolean(),
  lockedUntil: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
});
export type User = z.infer<typeof User>;

export const UserCreateBody = z.object({
  username: z.string().trim().min(2).max(64).regex(/^[A-Za-z0-9_.-]+$/, MESSAGES.username),
  displayName: z.string().trim().min(1).max(64),
  phone: z.string().trim().regex(MOBILE_PATTERN, MESSAGES.mobile).nullable().optional(),
  password: z.string().min(8).max(200),
  roles: z.array(Role).min(1),
  departmentId: Id.nullable().optional(),
  scopeAreaIds: z.array(Id).min(1),
});
export const UserUpdateBody = UserCreateBody.omit({ username: true, password: true })
  .extend({ active: z.boolean(), password: z.string().min(8).max(200) })
  .partial();

export const UserListQuery = PageQuery.extend({ q: z.string().trim().max(64).optional(), role: Role.optional() });
