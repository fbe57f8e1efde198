import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const component = resolve(root, 'renderer/src/settings/Example.tsx');
let eslint: ESLint;

async function lintComponent(source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: component });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message.split(':')[0]}`);
}

describe('the lint rule for words on screen', () => {
  // ESLint's cold start, once: the project's eslint.config.js with its plugins (typescript-eslint, react, i18next)
  // and TypeScript's parser. About 1 s on an idle machine, 3-4 s with both cores saturated, and past the unit tests'
  // 10 s when the whole suite runs beside stress-ng (the lead's run, load 12-16 on 2 cores): honest work, so it
  // gets its own limit here, and the tests below time only the linting.
  beforeAll(async () => {
    eslint = new ESLint({ cwd: root });
    await eslint.calculateConfigForFile(component);
    await eslint.lintText('export const loaded = 1;\n', { filePath: component });
  }, 60_000);

  it('fails a component that shows a literal word, in text or in an attribute users hear or see', async () => {
    const messages = await lintComponent(
      `export function Example() {\n  return <button type="button" aria-label="Close settings" data-testid="close">Done</button>;\n}\n`,
    );
    expect(messages).toEqual(['i18next/no-literal-string: disallow literal string', 'i18next/no-literal-string: disallow literal string']);
  });

  it('passes the same component with its words from the catalogue', async () => {
    const messages = await lintComponent(
      `import { useTranslation } from 'react-i18next';\nexport function Example() {\n  const { t } = useTranslation('settings');\n  return <button type="button" aria-label={t('close')} data-testid="close">{t('done')}</button>;\n}\n`,
    );
    expect(messages).toEqual([]);
  });
});
