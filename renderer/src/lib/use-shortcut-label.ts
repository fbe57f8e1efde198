import { useTranslation } from 'react-i18next';
import { modKeyLabel } from './shortcut-keys';

/** Every keyboard hint on screen from one place: (key) => "Ctrl+F" / "Strg+F" / "⌘F" in the chosen language and platform. */
export function useShortcutLabel(): (key: string) => string {
  const { t } = useTranslation('common');
  const ctrl = t('ctrlKey');
  return (key) => modKeyLabel(key, ctrl);
}
