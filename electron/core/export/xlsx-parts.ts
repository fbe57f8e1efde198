import type { ExportColumn } from '../../contract';
import { currencyNumberFormat } from './export-cells';

/**
 * The fixed parts of the workbook the XLSX writer produces (SpreadsheetML, ECMA-376): the invoices
 * sheet (and the applications sheet when the copy has payments), named in the user's language, no
 * shared strings, no theme. Pure strings; the sheet's rows are in xlsx-sheet.ts.
 */

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** The path of the n-th sheet (1-based). */
export const sheetPath = (n: number) => `xl/worksheets/sheet${n}.xml`;

/** Attribute value text: the five XML specials escaped. */
export function xmlAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ] (the catalogue's words are plain, this is a guard). */
function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet';
}

/**
 * The package's fixed parts for sheets with these names, in order (sheet n is `sheetPath(n)`), with the shared-string
 * table (xl/sharedStrings.xml) when `sharedStrings`.
 */
export function workbookParts(names: readonly string[], sharedStrings = false): { contentTypes: string; workbook: string; workbookRels: string } {
  const sheets = names.map((_, i) => i + 1);
  const contentTypes =
    XML_HEAD +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheets.map((n) => `<Override PartName="/${sheetPath(n)}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    (sharedStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : '') +
    '</Types>';
  const workbook =
    XML_HEAD +
    `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    '<bookViews><workbookView activeTab="0"/></bookViews>' +
    `<sheets>${sheets.map((n) => `<sheet name="${xmlAttribute(sheetName(names[n - 1]!))}" sheetId="${n}" r:id="rId${n}"/>`).join('')}</sheets>` +
    '</workbook>';
  const workbookRels =
    XML_HEAD +
    `<Relationships xmlns="${PACKAGE_REL_NS}">` +
    sheets.map((n) => `<Relationship Id="rId${n}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${n}.xml"/>`).join('') +
    `<Relationship Id="rId${names.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
    (sharedStrings ? `<Relationship Id="rId${names.length + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` : '') +
    '</Relationships>';
  return { contentTypes, workbook, workbookRels };
}

export const ROOT_RELS =
  XML_HEAD +
  `<Relationships xmlns="${PACKAGE_REL_NS}">` +
  `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
  '</Relationships>';

/** Cell style ids (indexes into cellXfs). Money styles follow, one per distinct currency format. */
export const STYLE = { plain: 0, header: 1, date: 2, instant: 3 } as const;
const FIRST_MONEY_STYLE = 4;
/** Custom number formats start at 164 (0–163 are Excel's built-in ones). */
const DATE_FORMAT_ID = 164;
const INSTANT_FORMAT_ID = 165;
const FIRST_MONEY_FORMAT_ID = 166;

/**
 * The styles of one export: bold header, dates (yyyy-mm-dd), instants (yyyy-mm-dd hh:mm:ss) and
 * one money format per currency (grouped, the currency's decimals, negatives in parentheses: see
 * `currencyNumberFormat`). A currency is registered when its first amount is written; styles.xml is written after
 * the sheets, so it is complete; bounded by the number of distinct currencies, not rows.
 */
export class SheetStyles {
  private readonly byCurrency = new Map<string, number>();
  private readonly byFormat = new Map<string, number>();
  private readonly moneyFormats: string[] = [];

  /** The style id of an amount in `currency` (registered on first use). */
  money(currency: string): number {
    let style = this.byCurrency.get(currency);
    if (style === undefined) {
      const format = currencyNumberFormat(currency);
      style = this.byFormat.get(format);
      if (style === undefined) {
        style = FIRST_MONEY_STYLE + this.moneyFormats.length;
        this.moneyFormats.push(format);
        this.byFormat.set(format, style);
      }
      this.byCurrency.set(currency, style);
    }
    return style;
  }

  xml(): string {
    const formats = [`<numFmt numFmtId="${DATE_FORMAT_ID}" formatCode="yyyy-mm-dd"/>`, `<numFmt numFmtId="${INSTANT_FORMAT_ID}" formatCode="yyyy-mm-dd hh:mm:ss"/>`];
    const xfs = [
      '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
      '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>',
      `<xf numFmtId="${DATE_FORMAT_ID}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`,
      `<xf numFmtId="${INSTANT_FORMAT_ID}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`,
    ];
    this.moneyFormats.forEach((format, index) => {
      formats.push(`<numFmt numFmtId="${FIRST_MONEY_FORMAT_ID + index}" formatCode="${xmlAttribute(format)}"/>`);
      xfs.push(`<xf numFmtId="${FIRST_MONEY_FORMAT_ID + index}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`);
    });
    const font = '<sz val="11"/><name val="Calibri"/><family val="2"/>';
    return (
      XML_HEAD +
      `<styleSheet xmlns="${MAIN_NS}">` +
      `<numFmts count="${formats.length}">${formats.join('')}</numFmts>` +
      `<fonts count="2"><font>${font}</font><font><b/>${font}</font></fonts>` +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>'
    );
  }
}

/** Column widths in characters, as the exceljs exporter set them. */
export const COLUMN_WIDTHS: Record<ExportColumn, number> = {
  number: 16,
  customer: 32,
  invoiceDate: 12,
  dueDate: 12,
  status: 14,
  total: 16,
  balance: 16,
  currency: 10,
  lastModified: 20,
  daysOverdue: 12,
  agingBucket: 12,
  paid: 16,
  lastPaymentDate: 14,
  fullyPaidOn: 14,
  daysToPay: 12,
  convertedTotal: 16,
  convertedBalance: 16,
  conversionRate: 12,
  conversionRateDate: 12,
  org: 20,
};

/** A, B, … Z, AA, AB, … */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * Everything in sheet1.xml before the first row: the used range, the header row frozen (panes),
 * the column widths, and the opening of sheetData. Element order is the schema's (CT_Worksheet).
 */
export function sheetHead(widths: readonly number[], rowCount: number, tabSelected = true): string {
  const last = columnLetter(widths.length - 1);
  const cols = widths.map((width, index) => `<col min="${index + 1}" max="${index + 1}" width="${width}" customWidth="1"/>`).join('');
  return (
    XML_HEAD +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<dimension ref="A1:${last}${rowCount + 1}"/>` +
    `<sheetViews><sheetView${tabSelected ? ' tabSelected="1"' : ''} workbookViewId="0">` +
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>' +
    '</sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    `<cols>${cols}</cols>` +
    '<sheetData>'
  );
}

export const SHEET_TAIL = '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
