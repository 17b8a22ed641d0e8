import { parseArgs } from 'node:util';
import { inArray } from 'drizzle-orm';
import { Role, UserCreateBody } from '@anxun/contracts';
import { SYSTEM_ACTOR } from '../platform/context.ts';
import { areas } from '../modules/areas/schema.ts';
import { createUser } from '../modules/users/service.ts';
import { withDatabase } from './commands.ts';

export async function createUserCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      username: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      area: { type: 'string' },
      phone: { type: 'string' },
    },
  });
  const codes = (values.area ?? '').split(',').filter(Boolean);
  await withDatabase(async (database) => {
    const found = codes.length ? await database.db.select({ id: areas.id, code: areas.code }).from(areas).where(inArray(areas.code, codes)) : [];
    const missing = codes.filter((c) => !found.some((a) => a.code === c));
    if (missing.length) throw new Error(`未知区域代码 Unknown area code(s): ${missing.join(', ')}`);
    const body = UserCreateBody.safeParse({
      username: values.username,
      password: values.password,
      displayName: values.name ?? values.username,
      roles: (values.role ?? '').split(',').filter(Boolean).map((r) => Role.parse(r)),
      scopeAreaIds: found.map((a) => a.id),
      phone: values.phone ?? null,
    });
    if (!body.success) throw new Error(body.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('\n'));
    const user = await createUser({ database, actor: SYSTEM_ACTOR, ip: null, requestId: null }, body.data);
    console.log(`created user ${user.username} (${user.roles.join(', ')}) id ${user.id}`);
  });
}
