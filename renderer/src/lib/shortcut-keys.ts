/**
 * Keyboard shortcut labels, one place for every hint on screen: macOS says ⌘ and ⌥ where Windows and Linux say
 * Ctrl (Strg) and Alt. The handlers take either Ctrl or Cmd; only the words differ.
 */
export function isMacPlatform(platform: string = typeof navigator === 'undefined' ? '' : navigator.platform): boolean {
  return /^(Mac|iPhone|iPad|iPod)/i.test(platform);
}

/** "Alt+←" / "⌥←": a key with the option modifier, as the platform writes it. */
export function altKeyLabel(key: string, mac: boolean = isMacPlatform()): string {
  return mac ? `⌥${key}` : `Alt+${key}`;
}

/** "Ctrl+F" (Strg+F in German) / "⌘F": a key with the command modifier (Ctrl, or Cmd on macOS), as the platform writes it. */
export function modKeyLabel(key: string, ctrlWord: string, mac: boolean = isMacPlatform()): string {
  return mac ? `⌘${key}` : `${ctrlWord}+${key}`;
}
