/** Words about the machine-wide policy file in Settings (English; moved into the i18n catalogue once it lands). */
export const policyText = {
  managed: (path: string) => `Some settings are managed by your organisation (policy file ${path}).`,
  lockedHint: 'Set by your organisation',
  intervalBounds: 'Your organisation allows only some of these intervals.',
  weakNeverAllowed: 'Your organisation does not allow weaker storage on this computer.',
  predefined: (names: string[]) => `Connections added by your organisation: ${names.join(', ')}.`,
};
