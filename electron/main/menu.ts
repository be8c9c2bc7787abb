/**
 * The application menu: the platforms' standard roles (so copy, paste, undo,
 * zoom, full screen, minimise and the macOS app menu work as people expect)
 * plus Help, which opens the app's own Help screen or Twilio's pages.
 */
import { app, BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';
import { openAllowedLink } from './window';

export function installAppMenu(): void {
  const isMac = process.platform === 'darwin';
  const showHelp = () => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send('app:showHelp', {});
  };
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
    // Developer tools only in development builds: in a shipped app they would open the page to anyone.
    ...(app.isPackaged ? [] : [{ type: 'separator' } as const, { role: 'toggleDevTools' } as const]),
  ];
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: 'Gleam Desktop Help', accelerator: 'F1', click: showHelp },
        { type: 'separator' },
        { label: 'Open the Twilio Console', click: () => openAllowedLink('https://console.twilio.com/') },
        {
          label: 'About A2P 10DLC (Twilio)',
          click: () => openAllowedLink('https://www.twilio.com/docs/messaging/compliance/a2p-10dlc'),
        },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
