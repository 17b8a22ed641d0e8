import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { ImportPreview } from '@anxun/contracts';
import type { Executor } from '../../platform/db/client.ts';
import { areas } from '../areas/schema.ts';
import { siteImports, sites } from '../sites/schema.ts';
import type { ParsedRow } from './parse.ts';
import { batchKeys, type AreaRef, type ExistingSite, type Lookups } from './validate.ts';

export type ImportRow = typeof siteImports.$inferSelect;

/** Two queries per batch, whatever its size: the areas it names and the sites it may repeat. */
export async function loadLookups(db: Executor, rows: readonly ParsedRow[]): Promise<Lookups> {
  const keys = batchKeys(rows);
  const [areaRows, existing] = await Promise.all([
    keys.areaCodes.length
      ? db.select({ id: areas.id, code: areas.code, level: areas.level, path: areas.path }).from(areas).where(inArray(areas.code, keys.areaCodes))
      : Promise.resolve([] as AreaRef[]),
    findRegistered(db, keys.creditCodes, keys.nameAddresses),
  ]);
  return { areas: new Map(areaRows.map((a) => [a.code, a])), existing };
}

const textArray = (values: string[]) => sql`array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;

/**
 * Sites sharing a credit code or a name+address with the batch. Each pair is probed through the
 * (name, address) unique index by a lateral lookup: OR-ing a thousand pairs costs more to plan
 * than to run, and a plain join lets the planner fall back to scanning every site.
 */
async function findRegistered(db: Executor, creditCodes: string[], nameAddresses: { name: string; address: string }[]): Promise<ExistingSite[]> {
  const parts: SQL[] = [];
  const columns = sql`s.name, s.address, s.credit_code as "creditCode", s.area_path as "areaPath"`;
  if (creditCodes.length) parts.push(sql`select ${columns} from ${sites} s where s.credit_code = any(${textArray(creditCodes)})`);
  if (nameAddresses.length) {
    const names = textArray(nameAddresses.map((p) => p.name));
    const addresses = textArray(nameAddresses.map((p) => p.address));
    parts.push(
      sql`select ${columns} from unnest(${names}, ${addresses}) as k(name, address) cross join lateral (select * from ${sites} x where x.name = k.name and x.address = k.address limit 1) s`,
    );
  }
  if (parts.length === 0) return [];
  const result = await db.execute(sql.join(parts, sql` union `));
  return (result as unknown as { rows: ExistingSite[] }).rows;
}

export async function findImport(db: Executor, id: string) {
  const [row] = await db.select().from(siteImports).where(eq(siteImports.id, id));
  return row;
}

/** Job bookkeeping, not a record anyone edits: it bypasses the audit chain. */
export async function setImportState(db: Executor, id: string, state: Partial<Omit<ImportRow, 'id' | 'userId' | 'fileName' | 'fileKey' | 'createdAt'>>) {
  await db.update(siteImports).set(state).where(eq(siteImports.id, id));
}

export function toPreview(row: ImportRow): ImportPreview {
  return {
    importId: row.id,
    status: row.status,
    totalRows: row.totalRows,
    processedRows: row.processedRows,
    validRows: row.validRows,
    duplicateRows: row.duplicateRows,
    importedRows: row.importedRows,
    errors: row.errors,
  };
}
