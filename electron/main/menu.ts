import { Menu, shell, type MenuItemConstructorOptions } from 'electron';
import type { CatalogueT } from '../contract/i18n/catalogue';

const HELP_URL = 'https://help.salesforce.com/s/articleView?id=xcloud.create_a_local_external_client_app.htm';

/**
 * The application menu: standard roles (so copy/paste and window shortcuts work everywhere) and Help, in the
 * language of Settings (installed again when it changes).
 */
export function installMenu(isMac: boolean, t: CatalogueT): void {
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: t('menuView'),
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [{ label: t('menuHelpClientApp'), click: () => void shell.openExternal(HELP_URL) }],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
