import { Menu, shell, type MenuItemConstructorOptions } from 'electron';

const HELP_URL = 'https://help.salesforce.com/s/articleView?id=xcloud.create_a_local_external_client_app.htm';

/** The application menu: standard roles (so copy/paste and window shortcuts work everywhere) and Help. */
export function installMenu(isMac: boolean): void {
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [{ label: 'Creating a Salesforce External Client App', click: () => void shell.openExternal(HELP_URL) }],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
