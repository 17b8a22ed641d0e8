import { parseArgs } from 'node:util';
import type { ImportPreview } from '@anxun/contracts';
import { SYSTEM_ACTOR } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { importRosterFile } from '../modules/site-imports/service.ts';
import { withDatabase } from './commands.ts';

function progressLine(p: ImportPreview): string {
  const verb = p.status === 'importing' ? '导入 importing' : '校验 validating';
  const of = p.totalRows > 0 ? `/${p.totalRows}` : '';
  return `${verb}: ${p.processedRows}${of} 行 rows${p.status === 'importing' ? `, 已导入 imported ${p.importedRows}` : ''}`;
}

function printReport(p: ImportPreview) {
  for (const e of p.errors) {
    const where = e.row > 0 ? `第 ${e.row} 行 row ${e.row}` : '';
    console.log([where, e.column, `${e.reason} | ${e.reasonEn}`].filter(Boolean).join('  '));
  }
  const invalid = p.totalRows - p.validRows - p.duplicateRows;
  console.log(
    `共 ${p.totalRows} 行：有效 ${p.validRows}，重复 ${p.duplicateRows}，有误 ${invalid}，已导入 ${p.importedRows}` +
      ` | ${p.totalRows} rows: ${p.validRows} valid, ${p.duplicateRows} duplicate, ${invalid} invalid, ${p.importedRows} imported`,
  );
}

/** npx anxun import-sites <file.xlsx> [--valid-only] */
export async function importSitesCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { 'valid-only': { type: 'boolean', default: false } } });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new Error('Usage: npx anxun import-sites <file.xlsx> [--valid-only]');
  const validOnly = values['valid-only'] ?? false;
  const live = process.stderr.isTTY;
  let logged = { status: '', rows: 0 };
  await withDatabase(async (database) => {
    let report: ImportPreview;
    try {
      report = await importRosterFile({ database, actor: SYSTEM_ACTOR, ip: null, requestId: null }, file, {
        validOnly,
        onProgress: (p) => {
          if (live) process.stderr.write(`\r${progressLine(p)}   `);
          else if (p.status !== logged.status || p.processedRows - logged.rows >= 10_000) {
            logged = { status: p.status, rows: p.processedRows };
            console.error(progressLine(p));
          }
        },
      });
    } catch (error) {
      if (error instanceof AppError) throw new Error(`${error.messageZh}\n${error.message}`, { cause: error });
      throw error;
    } finally {
      if (live) process.stderr.write('\n');
    }
    printReport(report);
    if (report.status !== 'done') {
      console.log('存在错误，未导入任何数据；修正后重试，或加 --valid-only 只导入有效行 | Errors found, nothing imported; fix them or pass --valid-only to import the valid rows.');
      process.exitCode = 1;
    }
  });
}
