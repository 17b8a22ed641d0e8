import ExcelJS from 'exceljs';
import { EXAMPLE_PREFIX, MAX_ROWS, ROSTER_COLUMNS, headerOf, type RosterRecord } from './columns.ts';

export const TEMPLATE_FILE_NAME = '受检单位名册导入模板.xlsx';
export const ROSTER_SHEET = '受检单位名册';

/** Dropdowns cover this many data rows; Excel stores one range, not one rule per cell. */
const DROPDOWN_ROWS = 10_000;

// exceljs supports range validations but its typings omit them.
const validations = (sheet: ExcelJS.Worksheet) => (sheet as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }).dataValidations;

/** The example row as a record, so it is shaped by the same columns as the data. */
function exampleRecord(): Record<keyof RosterRecord, string | number | null> {
  return Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.key, c.example])) as Record<keyof RosterRecord, string | number | null>;
}

/**
 * The downloadable template: the roster sheet (headers, an example row the import skips,
 * dropdowns for single-choice columns, text format for codes) and a 填写说明 sheet.
 */
export async function buildTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '安巡 Anxun';
  const sheet = workbook.addWorksheet(ROSTER_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = ROSTER_COLUMNS.map((c) => ({
    header: headerOf(c),
    key: c.key,
    width: c.width,
    ...(c.type === 'code' || c.type === 'text' ? { style: { numFmt: '@' } } : {}),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
  ROSTER_COLUMNS.forEach((c, i) => {
    if (c.required) header.getCell(i + 1).font = { bold: true, color: { argb: 'FFC00000' } };
    if (c.note) header.getCell(i + 1).note = c.note;
  });

  const example = sheet.addRow(exampleRecord());
  example.font = { italic: true, color: { argb: 'FF808080' } };

  ROSTER_COLUMNS.forEach((c, i) => {
    if (c.type !== 'enum' || !c.options) return;
    const letter = sheet.getColumn(i + 1).letter;
    const choices = Object.values(c.options);
    validations(sheet).add(`${letter}2:${letter}${DROPDOWN_ROWS + 1}`, {
      type: 'list',
      allowBlank: !c.required,
      formulae: [`"${choices.join(',')}"`],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: `${c.label}无效`,
      error: `请从下拉列表中选择：${choices.join('、')}`,
    });
  });

  const notes = workbook.addWorksheet('填写说明');
  notes.columns = [
    { header: '列名', key: 'header', width: 18 },
    { header: '必填', key: 'required', width: 8 },
    { header: '可选值', key: 'options', width: 36 },
    { header: '说明', key: 'note', width: 56 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const c of ROSTER_COLUMNS) {
    notes.addRow({ header: headerOf(c), required: c.required ? '是' : '', options: c.options ? Object.values(c.options).join('、') : '', note: c.note });
  }
  notes.addRow({});
  for (const line of [
    `1. 在“${ROSTER_SHEET}”工作表中从第 2 行起每行填写一个受检单位；带 * 的列必填，表头请勿修改。`,
    `2. 第 2 行是示例，单位名称以“${EXAMPLE_PREFIX}”开头的行不会导入，可直接覆盖或删除。`,
    '3. 统一社会信用代码、手机号、所属区域代码请保持“文本”格式，以免 Excel 把长数字改写。',
    '4. 同一统一社会信用代码，或单位名称与地址都相同的，视为同一单位：文件内重复或系统中已登记的行会被标出并跳过，不会重复登记。',
    '5. 上传后系统先逐行校验并给出错误清单（行号、列、原因），确认后才导入；可选择只导入校验通过的行。',
    `6. 单个文件最多 ${MAX_ROWS.toLocaleString('en')} 行。导出的受检单位清单与本模板列相同，可修改后重新导入（“五色”列导入时忽略）。`,
  ]) {
    const row = notes.addRow({ header: line });
    notes.mergeCells(row.number, 1, row.number, 4);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
