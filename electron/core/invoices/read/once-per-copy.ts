/**
 * `build`'s answer for each copy (or snapshot), computed when first asked and kept while the copy lives: a sync or a
 * cache load makes a new one, so nothing is ever stale.
 */
export function oncePerCopy<K extends object, V>(build: (key: K) => V): (key: K) => V {
  const answers = new WeakMap<K, V>();
  return (key) => {
    if (answers.has(key)) return answers.get(key)!;
    const answer = build(key);
    answers.set(key, answer);
    return answer;
  };
}
