import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { ImportPreview } from '@anxun/contracts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { readAll, type Storage } from '../../platform/storage/index.ts';
import { write } from '../../platform/write.ts';
import { AppError, conflict, forbidden, notFound } from '../../platform/errors.ts';
import { analyzeSitesIfStale } from '../sites/export.ts';
import { canSite } from '../sites/policy.ts';
import { siteImports } from '../sites/schema.ts';
import { findImport, setImportState, toPreview, type ImportRow } from './queries.ts';
import { estimateRows, openRoster } from './reader.ts';
import { runRoster, type RunProgress } from './run.ts';
import type { RowError } from './parse.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 403 unless the actor may import into at least one of their areas; each row is checked again for its own area. */
export function assertCanImport(actor: Actor): void {
  if (!actor.scopePaths.some((areaPath) => canSite(actor, 'import', { areaPath }))) throw forbidden('没有批量导入受检单位的权限', 'You may not import sites');
}

// Validation and import run in this process after the request has answered; this set lets
// shutdown and tests wait for them.
const running = new Set<Promise<void>>();

function inBackground(task: () => Promise<void>) {
  const done: Promise<void> = task()
    .catch((error: unknown) => console.error('site import: could not record the outcome', error))
    .finally(() => running.delete(done));
  running.add(done);
}

/** Resolves once no validation or import is running. */
export async function importsSettled(): Promise<void> {
  while (running.size) await Promise.allSettled([...running]);
}

/** The report row of a failed run; an unexpected error's details go to the log, not to the user. */
function failure(error: unknown): RowError {
  if (error instanceof AppError) return { row: 0, column: '', reason: error.messageZh, reasonEn: error.message };
  console.error('site import failed', error);
  return { row: 0, column: '', reason: '处理失败，请重新上传；如仍失败请联系管理员', reasonEn: 'Processing failed; upload the file again, and ask an administrator if it fails again' };
}

/** Only the uploader sees an import: its report quotes rows of their file, which may lie outside anyone else's scope. */
async function visibleImport(ctx: RequestContext, id: string): Promise<ImportRow> {
  const row = await findImport(ctx.database.db, id);
  if (!row || row.userId !== ctx.actor.id) throw notFound('import');
  return row;
}

async function runStored(ctx: RequestContext, storage: Storage, row: ImportRow, mode: 'validate' | 'import') {
  const db = ctx.database.db;
  try {
    const stream = await storage.get(row.fileKey);
    if (!stream) throw new AppError(410, 'import_file_missing', '导入文件已丢失，请重新上传', 'The uploaded file is gone; upload it again');
    const source = await readAll(stream);
    const result = await runRoster({
      ctx,
      source,
      importId: row.id,
      fileName: row.fileName,
      mode,
      onBatch: (p) => setImportState(db, row.id, { processedRows: p.totalRows, totalRows: Math.max(row.totalRows, p.totalRows), ...(mode === 'import' ? { importedRows: p.importedRows } : {}) }),
    });
    const { errors, ...counts } = result;
    await setImportState(db, row.id, { ...counts, status: mode === 'validate' ? 'validated' : 'done', processedRows: counts.totalRows, errors });
    if (mode === 'import') await analyzeSitesIfStale(ctx.database);
  } catch (error) {
    await setImportState(db, row.id, { status: 'failed', errors: [failure(error)] });
  }
}

/**
 * Upload: refuse early (no permission, not xlsx, wrong headers) with nothing written; otherwise
 * store the file, record the import and validate it in the background.
 */
export async function startImport(ctx: RequestContext, storage: Storage, file: { fileName: string; data: Buffer }): Promise<ImportPreview> {
  assertCanImport(ctx.actor);
  const roster = await openRoster(file.data);
  await roster.close();
  const totalRows = await estimateRows(file.data, roster.sheetIndex);
  const id = randomUUID();
  const fileKey = `imports/${id}.xlsx`;
  await storage.put(fileKey, file.data, XLSX_MIME);
  const row = await write(ctx, async ({ tx, audit }) => {
    const [created] = await tx
      .insert(siteImports)
      .values({ id, userId: ctx.actor.id, fileName: file.fileName.slice(0, 200), fileKey, status: 'validating', totalRows })
      .returning();
    audit({ action: 'site_import.uploaded', entityType: 'site_import', entityId: id, after: { fileName: created!.fileName, totalRows } });
    return created!;
  });
  inBackground(() => runStored(ctx, storage, row, 'validate'));
  return toPreview(row);
}

export async function getImport(ctx: RequestContext, id: string): Promise<ImportPreview> {
  return toPreview(await visibleImport(ctx, id));
}

const NOT_COMMITTABLE: Record<ImportRow['status'], [string, string]> = {
  validating: ['文件仍在校验中，请稍候', 'The file is still being validated'],
  validated: ['', ''],
  importing: ['正在导入，请勿重复提交', 'The import is already running'],
  done: ['该文件已导入，不能重复导入', 'This file has already been imported'],
  failed: ['该导入已失败，请重新上传文件', 'This import failed; upload the file again'],
};

/** "Import the valid rows": claimed atomically, so a second click answers 409 instead of importing twice. */
export async function commitImport(ctx: RequestContext, storage: Storage, id: string): Promise<ImportPreview> {
  const found = await visibleImport(ctx, id);
  assertCanImport(ctx.actor);
  const claimed = await write(ctx, async ({ tx, audit }) => {
    const [row] = await tx
      .update(siteImports)
      .set({ status: 'importing', processedRows: 0 })
      .where(and(eq(siteImports.id, id), eq(siteImports.status, 'validated')))
      .returning();
    if (!row) {
      const [zh, en] = NOT_COMMITTABLE[found.status === 'validated' ? 'importing' : found.status];
      throw conflict('import_not_committable', zh, en);
    }
    audit({ action: 'site_import.committed', entityType: 'site_import', entityId: id, after: { validRows: row.validRows } });
    return row;
  });
  inBackground(() => runStored(ctx, storage, claimed, 'import'));
  return toPreview(claimed);
}

export interface ImportFileOptions {
  /** Import the valid rows even if others have errors. */
  validOnly?: boolean;
  onProgress?: (preview: ImportPreview) => void;
}

/**
 * The CLI's import: validate the whole file, and import only if no row is invalid (duplicates
 * are skipped, not errors) or `validOnly` says to import the valid rows anyway.
 */
export async function importRosterFile(ctx: RequestContext, filePath: string, options: ImportFileOptions = {}): Promise<ImportPreview> {
  const source = await fs.promises.readFile(filePath);
  const roster = await openRoster(source);
  await roster.close();
  const estimate = await estimateRows(source, roster.sheetIndex);
  const importId = randomUUID();
  const preview = (status: ImportPreview['status'], p: RunProgress, errors: RowError[] = []): ImportPreview => ({
    importId,
    status,
    totalRows: status === 'validating' || status === 'importing' ? Math.max(estimate, p.totalRows) : p.totalRows,
    processedRows: p.totalRows,
    validRows: p.validRows,
    duplicateRows: p.duplicateRows,
    importedRows: p.importedRows,
    errors,
  });
  const run = (mode: 'validate' | 'import') =>
    runRoster({ ctx, source, importId, fileName: path.basename(filePath), mode, onBatch: (p) => options.onProgress?.(preview(mode === 'validate' ? 'validating' : 'importing', p)) });
  if (!options.validOnly) {
    const checked = await run('validate');
    if (checked.totalRows - checked.validRows - checked.duplicateRows > 0) return preview('validated', checked, checked.errors);
  }
  const done = await run('import');
  await analyzeSitesIfStale(ctx.database);
  return preview('done', done, done.errors);
}
