import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { ROLES, type Role } from '@anxun/contracts';
import type { TestApp } from '../helpers.ts';
import { users } from '../../src/modules/users/schema.ts';
import { siteImports } from '../../src/modules/sites/schema.ts';
import { ROSTER_COLUMNS, headerOf } from '../../src/modules/site-imports/columns.ts';

async function roster(areaCode: string, name: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('名册');
  sheet.addRow(ROSTER_COLUMNS.map(headerOf));
  const row: Record<string, string> = { name, kind: '沿街商铺', address: `${name}地址`, areaCode };
  sheet.addRow(ROSTER_COLUMNS.map((c) => row[c.key] ?? null));
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * An import owned by each role's scope user (validated, ready to commit) and one owned by the
 * out-of-scope user; and a one-row roster for each side.
 */
export async function importsFixture(t: TestApp, codes: { in: string; out: string }, outsiderId: string) {
  const db = t.database.db;
  const names = ROLES.map((r) => (r === 'party' ? 'party-scope' : `scope-${r}`));
  const owners = await db.select({ id: users.id, username: users.username }).from(users).where(inArray(users.username, names));
  const importOf = {} as Record<Role, string>;
  const rows = [];
  for (const role of ROLES) {
    const owner = owners.find((o) => o.username === (role === 'party' ? 'party-scope' : `scope-${role}`))!;
    importOf[role] = randomUUID();
    rows.push({ id: importOf[role], userId: owner.id, fileName: 'a.xlsx', fileKey: `imports/${importOf[role]}.xlsx`, status: 'validated' as const });
  }
  const outsiderImport = randomUUID();
  rows.push({ id: outsiderImport, userId: outsiderId, fileName: 'b.xlsx', fileKey: `imports/${outsiderImport}.xlsx`, status: 'validated' as const });
  await db.insert(siteImports).values(rows);
  return { importOf, outsiderImport, rosterIn: await roster(codes.in, '范围导入测试店'), rosterOut: await roster(codes.out, '越权导入测试店') };
}

export type ImportsFixture = Awaited<ReturnType<typeof importsFixture>>;
