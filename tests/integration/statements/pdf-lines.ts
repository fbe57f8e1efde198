import { execFileSync } from 'node:child_process';

/** A PDF's text as pdftotext lays it out (`-layout`: a table row on one line). */
export const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

/** Whether one line of pdftotext's layout holds these cells, in this order, each after the one before. */
export const line = (pdf: string, ...cells: string[]) =>
  pdf.split('\n').some((l) => {
    let at = 0;
    for (const cell of cells) {
      const found = l.indexOf(cell, at);
      if (found < 0) return false;
      at = found + cell.length;
    }
    return true;
  });
