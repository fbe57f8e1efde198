/** Between a slot's name and the text around it while a template is made (no catalogue text holds it). */
const MARK = '\u0000';

/**
 * A catalogue text with named slots (`{{amount}}` …), worded once by i18next itself — the language's own text, its
 * slots given as marked names — then filled by plain joining, as i18next fills them (values not escaped:
 * createI18nWith's `escapeValue: false`). For a text worded many times per render (each bar of every aging chart at
 * every keystroke, issue #19): one i18next call per language instead of one per bar.
 * When the worded text holds anything but the slots asked for (a slot missing from the marks, a mark left over), the
 * template is i18next itself, call by call.
 */
export function textTemplate<K extends string>(word: (slots: Record<K, string>) => string, slots: readonly K[]): (values: Record<K, string>) => string {
  const marked = word(Object.fromEntries(slots.map((slot) => [slot, `${MARK}${slot}${MARK}`])) as Record<K, string>);
  const parts = marked.split(MARK);
  const names = parts.filter((_, i) => i % 2 === 1);
  if (parts.length % 2 === 0 || names.some((name) => !(slots as readonly string[]).includes(name))) return word;
  return (values) => {
    let text = parts[0]!;
    for (let i = 1; i < parts.length; i += 2) text += values[parts[i] as K] + parts[i + 1]!;
    return text;
  };
}
