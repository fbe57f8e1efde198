import { parse } from 'csv-parse/sync';

/** Reads a CSV the app exported back into rows of cells (csv-parse; a leading UTF-8 BOM is dropped). */
export function parseCsv(text: string): string[][] {
  return parse(text, { bom: true }) as string[][];
}
