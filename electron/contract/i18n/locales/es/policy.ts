import type { Translation } from '../../translation';
import type { policy as en } from '../en/policy';

export const policy: Translation<typeof en> = {
  ignored: 'Budgetly ignoró el archivo de directivas {{path}}: {{why}}',
  tooLarge: 'tiene {{kilobytes}} KB, más del 1 MB que puede tener un archivo de directivas.',
  notARegularFile: 'no es un archivo normal (una carpeta, una tubería o un dispositivo).',
  unreadable: 'no se pudo leer.',
  brokenJson: 'no es texto JSON válido.',
  notAnObject: 'no contiene ninguna directiva (el nivel superior debe ser un objeto JSON).',
  noVersion: 'no tiene versión "budgetly" (el formato 1 empieza con "budgetly": 1).',
  newerVersion: 'tiene el formato {{version}}, que esta versión de Budgetly no conoce (lee el formato 1).',
  unknownField: '{{where}} tiene un campo que Budgetly no conoce: {{fields}}.',
  badField: '{{where}} no es válido.',
  badSyncBounds: 'settings.syncInterval tiene un "min" más largo que su "max".',
  badConnection: 'la conexión {{number}} no se acepta: {{why}}',
  repeatedConnection: 'dos conexiones se llaman «{{name}}».',
  writableByOthers: 'otros usuarios de este equipo pueden modificarlo (sus permisos son {{mode}}). Haga que solo los administradores puedan modificarlo (p. ej. chmod 644, propietario root).',
  folderWritableByOthers: 'otros usuarios de este equipo pueden reemplazarlo (los permisos de su carpeta son {{mode}}). Haga que solo los administradores puedan modificar la carpeta.',
  folderOwnedByOther: 'otros usuarios de este equipo pueden reemplazarlo (su carpeta pertenece al ID de usuario {{uid}}). La carpeta debe pertenecer a root.',
  wrongOwner: 'pertenece a otro usuario (ID de usuario {{uid}}); debe pertenecer a root (o a usted).',
  notConfirmedByAdmin: 'ningún administrador lo ha confirmado: en Windows cualquier usuario puede crear este archivo, así que solo se aplica si su SHA-256 es el valor {{value}} en {{key}}.',
  changedSinceConfirmed: 'ha cambiado desde que un administrador lo confirmó (su SHA-256 no es el valor {{value}} en {{key}}).',
  locked: '«{{setting}}» lo fija el archivo de directivas de su organización ({{path}}) y no se puede cambiar aquí.',
  lockedInterval: 'Este intervalo de sincronización está fuera de lo que permite el archivo de directivas de su organización ({{path}}).',
  settingSignInMethod: 'Iniciar sesión con',
  settingWeakStorage: 'Almacenamiento menos protegido',
  settingUpdates: 'Actualizaciones',
};
