/**
 * `build`'s answer for each copy (or snapshot), computed when first asked and kept while the copy lives: a sync or a
 * cache load makes a new one, so nothing is ever stale.
 */
export function oncePerCopy<K extends object, V>(build: (key: K) => V): ((key: K) => V) & { made(key: K): V | undefined } {
  const answers = new WeakMap<K, V>();
  const once = (key: K): V => {
    if (answers.has(key)) return answers.get(key)!;
    const answer = build(key);
    answers.set(key, answer);
    return answer;
  };
  /** The answer when it was computed already, else undefined (nothing is built): for a reader that only profits from it. */
  return Object.assign(once, { made: (key: K) => answers.get(key) });
}
