import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inlineAppErrorMessages, sourceFiles } from './inline-messages';

const root = resolve(import.meta.dirname, '../../..');

describe('core error messages come from the catalogue', () => {
  it('no AppError in the core or the shell is built with an inline English message (unless marked never-user-facing)', () => {
    const files = sourceFiles(root, ['electron/core', 'electron/main', 'electron/contract']);
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap(({ path, source }) => inlineAppErrorMessages(source, path))).toEqual([]);
  });

  it('catches a planted inline message: a string, a template, a sentence around a value, one branch of a choice, a constant of the file', () => {
    const planted = [
      "throw new AppError('NOT_FOUND', 'This invoice is gone.');",
      'throw new AppError(\'NETWORK\', `Salesforce did not answer after ${n} tries.`);',
      "return new AppError('SALESFORCE_LIMIT', mapped.message + ' The sync stopped.');",
      "throw new AppError('LOGIN_FAILED', slow ? englishMessage('loginTimedOut') : 'Sign-in failed.');",
      "const DISCONNECT_FIRST = 'Disconnect first, please.';",
      'throw new AppError(\'INVALID_INPUT\', DISCONNECT_FIRST);',
    ].join('\n');
    expect(inlineAppErrorMessages(planted, 'planted.ts').map((line) => line.split('  ')[0])).toEqual([
      'planted.ts:1',
      'planted.ts:2',
      'planted.ts:3',
      'planted.ts:4',
      'planted.ts:6',
    ]);
  });

  it('lets through a message from the catalogue, a message passed on, and a programming error marked as never reaching a user', () => {
    const fine = [
      "throw new AppError('NOT_FOUND', englishMessage('invoiceGone'));",
      "throw new AppError('FORBIDDEN', updateTexts(t).locked);",
      'throw new AppError(error.code, message, { cause: error });',
      '// never-user-facing: the watermark is the core’s own; a bug stops here.',
      "if (!ok) throw new AppError('INTERNAL', 'Invalid sync watermark.');",
    ].join('\n');
    expect(inlineAppErrorMessages(fine, 'fine.ts')).toEqual([]);
  });
});
