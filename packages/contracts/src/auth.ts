import { z } from 'zod';
import { Role } from './enums.ts';
import { Id } from './common.ts';
import { MESSAGES, MOBILE_PATTERN } from './validators.ts';

export const LoginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});
export const PasswordChangeBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(8).max(200),
});
export const PartyCodeRequestBody = z.object({ phone: z.string().regex(MOBILE_PATTERN, MESSAGES.mobile) });
export const PartyLoginBody = z.object({
  phone: z.string().regex(MOBILE_PATTERN, MESSAGES.mobile),
  code: z.string().regex(/^\d{6}$/),
});

export const AreaScope = z.object({ areaId: Id, name: z.string(), path: z.string(), level: z.string() });

export const Me = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(Role),
  departmentId: Id.nullable(),
  departmentName: z.string().nullable(),
  scopes: z.array(AreaScope),
  /** Feature-level permissions for the navigation. */
  can: z.record(z.string(), z.boolean()),
});
export type Me = z.infer<typeof Me>;
