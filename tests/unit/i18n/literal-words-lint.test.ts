import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');

async function lintComponent(source: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(source, { filePath: resolve(root, 'renderer/src/settings/Example.tsx') });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message.split(':')[0]}`);
}

describe('the lint rule for words on screen', () => {
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
