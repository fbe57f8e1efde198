import type { Translation } from '../../translation';
import type { policy as en } from '../en/policy';

export const policy: Translation<typeof en> = {
  ignored: 'Budgetly hat die Richtliniendatei {{path}} ignoriert: {{why}}',
  tooLarge: 'sie ist {{kilobytes}} KB groß, mehr als die 1 MB, die eine Richtliniendatei haben darf.',
  notARegularFile: 'sie ist keine gewöhnliche Datei (ein Ordner, eine Pipe oder ein Gerät).',
  unreadable: 'sie konnte nicht gelesen werden.',
  brokenJson: 'sie ist kein gültiger JSON-Text.',
  notAnObject: 'sie enthält keine Richtlinie (die oberste Ebene muss ein JSON-Objekt sein).',
  noVersion: 'sie hat keine "budgetly"-Version (Format 1 beginnt mit "budgetly": 1).',
  newerVersion: 'sie hat Format {{version}}, das diese Budgetly-Version nicht kennt (sie liest Format 1).',
  unknownField: '{{where}} hat ein Feld, das Budgetly nicht kennt: {{fields}}.',
  badField: '{{where}} ist ungültig.',
  badSyncBounds: 'settings.syncInterval hat ein "min", das länger ist als sein "max".',
  badConnection: 'Verbindung {{number}} wird nicht angenommen: {{why}}',
  repeatedConnection: 'zwei Verbindungen heißen „{{name}}“.',
  writableByOthers: 'andere Benutzer dieses Computers können sie ändern (ihre Berechtigungen sind {{mode}}). Machen Sie sie nur für Administratoren beschreibbar (z. B. chmod 644, Eigentümer root).',
  folderWritableByOthers: 'andere Benutzer dieses Computers können sie ersetzen (die Berechtigungen ihres Ordners sind {{mode}}). Machen Sie den Ordner nur für Administratoren beschreibbar.',
  folderOwnedByOther: 'andere Benutzer dieses Computers können sie ersetzen (ihr Ordner gehört der Benutzer-ID {{uid}}). Der Ordner muss root gehören.',
  wrongOwner: 'sie gehört einem anderen Benutzer (Benutzer-ID {{uid}}); sie muss root (oder Ihnen) gehören.',
  notConfirmedByAdmin: 'kein Administrator hat sie bestätigt: Unter Windows kann jeder Benutzer diese Datei anlegen, daher gilt sie nur, wenn ihr SHA-256 der Wert {{value}} unter {{key}} ist.',
  changedSinceConfirmed: 'sie wurde geändert, seit ein Administrator sie bestätigt hat (ihr SHA-256 ist nicht der Wert {{value}} unter {{key}}).',
  locked: '„{{setting}}“ ist durch die Richtliniendatei Ihrer Organisation ({{path}}) festgelegt und kann hier nicht geändert werden.',
  lockedInterval: 'Dieses Synchronisierungsintervall liegt außerhalb dessen, was die Richtliniendatei Ihrer Organisation erlaubt ({{path}}).',
  settingSignInMethod: 'Anmelden mit',
  settingWeakStorage: 'Schwächere Speicherung',
  settingUpdates: 'Updates',
};
