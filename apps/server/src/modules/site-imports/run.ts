import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { write } from '../../platform/write.ts';
import { siteColumns } from '../sites/rules.ts';
import { sites } from '../sites/schema.ts';
import { MAX_ROWS, ROSTER_COLUMNS, headerOf } from './columns.ts';
import { parseRow, toSiteBody, type ParsedRow, type RowError } from './parse.ts';
import { loadLookups } from './queries.ts';
import { openRoster } from './reader.ts';
import { addToTally, checkRows, createErrorLog, createFileIndex, emptyTally, type FileIndex, type RowOutcome, type Tally, type ValidSite } from './validate.ts';

export const BATCH_ROWS = 1000;
const NAME_HEADER = headerOf(ROSTER_COLUMNS.find((c) => c.key === 'name')!);

export interface RunProgress extends Tally {
  importedRows: number;
}

export interface RunResult extends RunProgress {
  errors: RowError[];
}

export interface RunOptions {
  ctx: RequestContext;
  source: Buffer;
  importId: string;
  fileName: string;
  /** validate: check every row, write nothing. import: check again and insert the valid rows. */
  mode: 'validate' | 'import';
  onBatch?: (progress: RunProgress) => Promise<void> | void;
}

/**
 * One pass over a roster file, a batch of rows at a time so memory stays flat however long the
 * file: parse, look the batch up set-based, judge each row, and (importing) insert the valid ones.
 */
export async function runRoster(options: RunOptions): Promise<RunResult> {
  const { ctx, mode } = options;
  const roster = await openRoster(options.source);
  const seen = createFileIndex();
  const tally = emptyTally();
  const errors = createErrorLog();
  let importedRows = 0;
  let batch: ParsedRow[] = [];

  const flush = async () => {
    if (batch.length === 0) return;
    const outcomes =
      mode === 'validate'
        ? checkRows(ctx.actor, batch, await loadLookups(ctx.database.db, batch), seen)
        : await importBatch(ctx, options, batch, seen).then((r) => ((importedRows += r.inserted), r.outcomes));
    addToTally(tally, outcomes);
    for (const o of outcomes) errors.add(o.errors);
    batch = [];
    await options.onBatch?.({ ...tally, importedRows });
  };

  for await (const { number, values } of roster.rows) {
    const parsed = parseRow(number, values, roster.header);
    if (!parsed) continue;
    if (tally.totalRows + batch.length >= MAX_ROWS) {
      throw new AppError(413, 'too_many_rows', `单个文件最多 ${MAX_ROWS.toLocaleString('en')} 行，请拆分后分别导入`, `A file may hold at most ${MAX_ROWS} rows; split it`);
    }
    batch.push(parsed);
    if (batch.length >= BATCH_ROWS) await flush();
  }
  await flush();
  return { ...tally, importedRows, errors: errors.list() };
}

function insertValues(site: ValidSite) {
  const body = toSiteBody(site.record, site.area.id);
  return { ...siteColumns(body), id: randomUUID(), kind: body.kind, name: body.name, address: body.address, areaId: site.area.id, areaPath: site.area.path };
}

/**
 * The audit snapshot of a new site, as site.created records it (every column but the
 * timestamps), plus where it came from. Built from the inserted values rather than returned
 * rows: returning whole rows costs more than the insert itself.
 */
function snapshot(values: ReturnType<typeof insertValues>, source: { importId: string; importFile: string; importRow: number }) {
  return { colour: 'grey', ...values, ...source };
}

/**
 * One transaction per batch through the write path: the duplicate check runs again inside it
 * (someone may have registered a site since validation), and `on conflict do nothing` on the
 * unique credit-code and name+address indexes settles any race with a concurrent writer.
 */
async function importBatch(ctx: RequestContext, options: RunOptions, batch: ParsedRow[], seen: FileIndex) {
  return write(ctx, async ({ tx, audit }) => {
    const outcomes: RowOutcome[] = checkRows(ctx.actor, batch, await loadLookups(tx, batch), seen);
    const valid = outcomes.flatMap((o) => (o.status === 'valid' ? [{ ...o.site, values: insertValues(o.site) }] : []));
    if (valid.length === 0) return { outcomes, inserted: 0 };
    const rows = await tx.insert(sites).values(valid.map((v) => v.values)).onConflictDoNothing().returning({ id: sites.id });
    const inserted = new Set(rows.map((r) => r.id));
    for (const v of valid) {
      if (!inserted.has(v.values.id)) continue;
      audit({ action: 'site.imported', entityType: 'site', entityId: v.values.id, after: snapshot(v.values, { importId: options.importId, importFile: options.fileName, importRow: v.row }) });
    }
    const lost = new Set(valid.filter((v) => !inserted.has(v.values.id)).map((v) => v.row));
    const settled = outcomes.map((o): RowOutcome =>
      lost.has(o.row)
        ? { row: o.row, status: 'duplicate', errors: [{ row: o.row, column: NAME_HEADER, reason: '已登记（导入期间他人已添加）', reasonEn: 'Already registered (added by someone else meanwhile)' }] }
        : o,
    );
    return { outcomes: settled, inserted: rows.length };
  });
}
