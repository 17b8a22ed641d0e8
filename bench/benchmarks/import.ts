/**
 * import: an Excel roster of N rows through importRosterFile (validate + import, the CLI's path),
 * against a raw COPY of the same rows into a table with the same columns and indexes as sites.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { from as copyFrom } from 'pg-copy-streams';
import { usccCheckChar, type RiskLevel, type SiteFlag, type SiteKind } from '@anxun/contracts';
import { seedDemo } from '../../apps/server/src/modules/demo/seed.ts';
import { importRosterFile } from '../../apps/server/src/modules/site-imports/service.ts';
import { ROSTER_COLUMNS, headerOf, type RosterRecord } from '../../apps/server/src/modules/site-imports/columns.ts';
import { SYSTEM_ACTOR } from '../../apps/server/src/platform/context.ts';
import type { Database } from '../../apps/server/src/platform/db/client.ts';
import { rawRows } from '../lib/db.ts';
import { startProfile } from '../lib/profile.ts';
import { fmt, round, since } from '../lib/stats.ts';
import type { Benchmark, Metric } from '../lib/types.ts';

const DEFAULT_ROWS = 100_000;

interface MicroGrid {
  id: string;
  code: string;
  path: string;
  lng: number;
  lat: number;
}

/** One generated site: what the sheet says, plus the ids the COPY baseline stores. */
interface GeneratedRow {
  record: RosterRecord;
  id: string;
  area: MicroGrid;
}

const KIND_CYCLE: readonly SiteKind[] = ['enterprise', 'street_shop', 'street_shop', 'rental_housing', 'rental_housing', 'rental_housing', 'rental_housing', 'rental_housing', 'high_rise', 'other'];
const RISKS: readonly (RiskLevel | null)[] = ['blue', 'yellow', null, 'orange', 'blue', null, 'red', 'yellow'];
const SURNAMES = [...'陈王沈俞来韩高孔施赵徐李张周朱钱'];
const TRADES = ['机械', '五金', '纺织', '化纤', '家具', '印染', '电器', '包装'];

function creditCode(n: number): string {
  const first17 = `92330109${String(n).padStart(9, '0')}`;
  return first17 + usccCheckChar(first17)!;
}

/** Deterministic, all valid: every row references a micro-grid of the seeded town. */
export function generateRows(count: number, grids: readonly MicroGrid[]): GeneratedRow[] {
  return Array.from({ length: count }, (_, i) => {
    const area = grids[(i * 7919) % grids.length]!;
    const kind = KIND_CYCLE[i % KIND_CYCLE.length]!;
    const trade = TRADES[i % TRADES.length]!;
    const flags: SiteFlag[] = kind === 'enterprise' && i % 4 === 0 ? ['factory_in_factory'] : [];
    const record: RosterRecord = {
      name: kind === 'enterprise' ? `杭州基准${trade}${i}有限公司` : kind === 'street_shop' ? `基准${trade}店${i}` : `基准出租房${i}`,
      kind,
      creditCode: kind === 'enterprise' ? creditCode(i) : null,
      address: `瓜沥镇基准路${i}号`,
      areaCode: area.code,
      lng: round(area.lng + ((i % 13) - 6) * 0.00005, 6),
      lat: round(area.lat + ((i % 11) - 5) * 0.00005, 6),
      coordSystem: 'wgs84',
      responsiblePerson: `${SURNAMES[i % SURNAMES.length]!}某${i % 100}`,
      phone: `137${String(i).padStart(8, '0')}`,
      industry: kind === 'enterprise' ? `${trade}制造` : kind === 'street_shop' ? `${trade}零售` : null,
      riskLevel: RISKS[i % RISKS.length]!,
      employees: kind === 'enterprise' ? 5 + (i % 200) : kind === 'street_shop' ? 1 + (i % 6) : null,
      floorArea: kind === 'enterprise' ? 300 + (i % 5000) : kind === 'street_shop' ? 20 + (i % 180) : null,
      flags,
    };
    return { record, id: randomUUID(), area };
  });
}

/** The roster as a user would upload it: the template's headers, labels in Chinese, codes as text. */
async function writeRoster(file: string, rows: readonly GeneratedRow[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const sheet = workbook.addWorksheet('受检单位名册');
  sheet.addRow(ROSTER_COLUMNS.map(headerOf)).commit();
  for (const { record } of rows) {
    sheet
      .addRow(
        ROSTER_COLUMNS.map((c) => {
          const value = record[c.key];
          if (value === null) return null;
          if (c.key === 'coordSystem') return 'WGS-84';
          if (c.type === 'flags') return (value as string[]).map((f) => c.options![f]).join('、') || null;
          if (c.type === 'enum') return c.options![value as string]!;
          return value as string | number;
        }),
      )
      .commit();
  }
  sheet.commit();
  await workbook.commit();
}

const COPY_COLUMNS = ['id', 'kind', 'flags', 'name', 'credit_code', 'address', 'lng', 'lat', 'area_id', 'area_path', 'responsible_person', 'phone', 'industry', 'risk_level', 'employees', 'floor_area'];

function csvValue(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  return `"${value.replace(/"/g, '""')}"`;
}

/** The same rows as CSV, in the columns the import fills. */
function toCsv(rows: readonly GeneratedRow[]): Buffer {
  const lines = rows.map(({ record: r, id, area }) =>
    [id, r.kind, `{${r.flags.join(',')}}`, r.name, r.creditCode, r.address, r.lng, r.lat, area.id, area.path, r.responsiblePerson, r.phone, r.industry, r.riskLevel, r.employees, r.floorArea]
      .map(csvValue)
      .join(','),
  );
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

/** Raw COPY into a copy of the sites table (same columns, defaults and indexes); returns ms. */
async function copyBaseline(database: Database, csv: Buffer): Promise<number> {
  await rawRows(database, 'drop table if exists bench_sites_copy');
  await rawRows(database, 'create table bench_sites_copy (like sites including all)');
  const statement = `copy bench_sites_copy (${COPY_COLUMNS.join(', ')}) from stdin with (format csv)`;
  const started = performance.now();
  if (database.pglite) {
    await database.pglite.query(statement.replace('stdin', `'/dev/blob'`), [], { blob: new Blob([new Uint8Array(csv)]) });
  } else {
    const client = await database.pool!.connect();
    try {
      await pipeline(Readable.from([csv]), client.query(copyFrom(statement)));
    } finally {
      client.release();
    }
  }
  return since(started);
}

export const importBenchmark: Benchmark = {
  name: 'import',
  summary: 'Excel roster import (importRosterFile, validate + import) vs raw COPY of the same rows',
  timeLimitMinutes: 90,
  async run(ctx) {
    const count = Number(process.env.BENCH_IMPORT_ROWS ?? DEFAULT_ROWS);
    if (!Number.isInteger(count) || count < 1) throw new Error(`BENCH_IMPORT_ROWS must be a positive integer, not ${process.env.BENCH_IMPORT_ROWS}`);
    return ctx.withScratch('import', async ({ database, info, dir }) => {
      ctx.log(`import: seeding the town demo on ${info.version}`);
      await seedDemo(database, { scale: 'town' });
      const grids = (await rawRows<{ id: string; code: string; path: string; lng: number; lat: number }>(
        database,
        `select id, code, path, centre_lng as lng, centre_lat as lat from areas where level = 'micro_grid' order by code`,
      )).map((g) => ({ ...g, lng: Number(g.lng), lat: Number(g.lat) }));
      const [{ before } = { before: 0 }] = await rawRows<{ before: number }>(database, 'select count(*)::int as before from sites');

      ctx.log(`import: writing a ${count.toLocaleString('en')}-row roster over ${grids.length} micro-grids`);
      const rows = generateRows(count, grids);
      const file = path.join(dir, `roster-${count}.xlsx`);
      await writeRoster(file, rows);
      const fileMb = fs.statSync(file).size / 2 ** 20;

      ctx.log('import: baseline COPY');
      const copyMs = await copyBaseline(database, toCsv(rows));
      const [{ copied } = { copied: 0 }] = await rawRows<{ copied: number }>(database, 'select count(*)::int as copied from bench_sites_copy');
      if (copied !== count) throw new Error(`COPY stored ${copied} rows, expected ${count}`);
      await rawRows(database, 'drop table bench_sites_copy');

      ctx.log('import: importRosterFile (validOnly)');
      const ctxSystem = { database, actor: SYSTEM_ACTOR, ip: null, requestId: null };
      const profiler = process.env.BENCH_CPU_PROF === '1' ? await startProfile() : undefined;
      const started = performance.now();
      const result = await importRosterFile(ctxSystem, file, { validOnly: true });
      const importMs = since(started);
      const profileLines = profiler ? await profiler.stop('import', 'importRosterFile') : [];
      const [{ after } = { after: 0 }] = await rawRows<{ after: number }>(database, 'select count(*)::int as after from sites');
      const [{ audited } = { audited: 0 }] = await rawRows<{ audited: number }>(database, `select count(*)::int as audited from audit_events where action = 'site.imported'`);
      if (result.status !== 'done' || result.importedRows !== count || after - before !== count) {
        throw new Error(`import did not import every row: status ${result.status}, imported ${result.importedRows}, sites +${after - before}, errors ${JSON.stringify(result.errors.slice(0, 3))}`);
      }

      const importRate = count / (importMs / 1000);
      const copyRate = count / (copyMs / 1000);
      const ratio = importRate / copyRate;
      const metrics: Metric[] = [
        {
          name: 'import_rows_per_s',
          value: round(importRate, 1),
          unit: 'rows/s',
          baseline: 'import_copy_rows_per_s',
          reading: `${count.toLocaleString('en')} rows (${fmt(fileMb)} MiB xlsx) validated, checked for duplicates, inserted and audited (${audited.toLocaleString('en')} hash-chained events) in ${fmt(importMs / 1000)} s`,
        },
        {
          name: 'import_copy_rows_per_s',
          value: round(copyRate, 1),
          unit: 'rows/s',
          baseline: 'is the baseline',
          reading: `raw COPY of the same rows as CSV into a table like sites (same columns and 6 indexes, no FK, no audit) in ${fmt(copyMs / 1000)} s: the ceiling for getting these rows in`,
        },
        {
          name: 'import_ratio',
          value: round(ratio, 4),
          unit: '× COPY',
          baseline: 'import_rows_per_s / import_copy_rows_per_s',
          reading: `the import runs at ${fmt(ratio * 100)} % of raw COPY speed (1 / ${fmt(1 / ratio)}), the price of reading xlsx, per-row validation, duplicate lookups, the FK check and an audit event per row`,
        },
      ];
      return { database: info, metrics, notes: [`Roster: ${count.toLocaleString('en')} valid rows over ${grids.length} micro-grids of the seeded town (${before.toLocaleString('en')} sites before), ${fmt(fileMb)} MiB.`, ...profileLines] };
    });
  },
};
