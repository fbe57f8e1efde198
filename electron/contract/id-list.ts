import { z } from 'zod';
import { id } from './models';

/**
 * A list of record ids as `z.array(id).max(max)` validates it — the same rule, the same issues, the same answer — without
 * zod's work per element when every element is fine. zod parses an array by running the element's schema on a payload
 * object made per element (`{ value, issues: [] }`) into a new array: an export of 100,000 invoices sent its ids through
 * that, ~90 bytes and a schema run per id (9.3 MiB of the export's 33.5 MiB of allocations, session 15). Here one loop
 * checks what `id` checks (a string of `id.minLength`–`id.maxLength` UTF-16 units) and the length cap; a list it does
 * not accept is handed to the strict schema as it is, and its issues (paths, codes, messages, whether they stop the
 * checks after them) become the list's: a malformed list is refused exactly as before
 * (tests/unit/ipc/id-list.test.ts compares the two on any input).
 *
 * A list it accepts is passed on as given, not copied (zod would copy it): the handler gets the request's own array,
 * which over IPC is the main process's copy of what the window sent.
 */
export function idList(max: number): z.ZodType<string[], string[]> {
  const strict = z.array(id).max(max);
  const min = id.minLength ?? 0;
  const longest = id.maxLength ?? Number.POSITIVE_INFINITY;
  const fine = (value: unknown): value is string[] => {
    if (!Array.isArray(value) || value.length > max) return false;
    for (let k = 0; k < value.length; k++) {
      const item: unknown = value[k];
      if (typeof item !== 'string' || item.length < min || item.length > longest) return false;
    }
    return true;
  };
  return z.custom<string[]>().check((payload) => {
    if (fine(payload.value)) return;
    // The strict schema's own run: its raw issues (before zod words them), with what each one stops after it.
    const checked = strict._zod.run({ value: payload.value, issues: [] }, { async: false });
    if (checked instanceof Promise) throw new Error('an id list is checked synchronously');
    payload.issues.push(...checked.issues);
  });
}
