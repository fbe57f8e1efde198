import type { PartKind } from '../lib/crossing';
import { page } from './dom-lite';

/**
 * The page's half of the harness's crossing (scripts/bench/lib/crossing.ts): an answer from the binding's JSON text,
 * with a list window's typed arrays made again — from bytes fetched beside the header (`binary`: each typed array on a
 * backing store of its own, each long text decoded, as a structured clone gives them), or from base64 text (`json`).
 */
export interface Taken {
  value: unknown;
  /** The page's clock when every byte of the answer was in the page (the binding's text, and the fetched body if any). */
  handledAt: number;
  /** Bytes fetched beside the JSON text (0: none). */
  bytes: number;
}

interface BinaryHeader {
  $binary: { url: string; parts: [PartKind, number][] };
  answer: unknown;
}

const TYPED = { Uint32Array, Float64Array, Uint8Array, Int32Array } as const;
const utf8 = new TextDecoder();

/**
 * A text on V8's heap, as a clone's deserialize makes it. Blink's TextDecoder gives a long text as an external string
 * (its characters outside V8's heap: not in the heap's usedSize, which the 1M row reads); a concatenation, flattened by
 * the slice, copies its characters into one sequential string on the heap (heap snapshots at 100k, cross30: the
 * external strings' data 5.1 → 1.2 MiB, as with the JSON crossing).
 */
const onHeap = (text: string): string => (text + ' ').slice(0, -1);

export async function takeAnswer(channel: string, text: string): Promise<Taken> {
  const arrived = page.performance.now();
  if (!text.startsWith('{"$binary":')) {
    const parsed = JSON.parse(text) as unknown;
    return { value: channel === 'invoices.listColumns' ? columnsFromText(parsed as TextAnswer) : parsed, handledAt: arrived, bytes: 0 };
  }
  const header = JSON.parse(text) as BinaryHeader;
  const response = await page.fetch(header.$binary.url);
  if (!response.ok) throw new Error(`the bench's crossing: ${header.$binary.url} answered ${response.status}`);
  const body = await response.arrayBuffer();
  const handledAt = page.performance.now();
  let offset = 0;
  const parts = header.$binary.parts.map(([kind, length]) => {
    const at = offset;
    offset += length;
    if (kind === 'utf8') return onHeap(utf8.decode(new Uint8Array(body, at, length)));
    // A backing store of its own (a copy of its bytes), as a structured clone gives each typed array.
    return new TYPED[kind](body.slice(at, at + length));
  });
  if (offset !== body.byteLength) throw new Error(`the bench's crossing: ${body.byteLength} bytes fetched, the header says ${offset}`);
  return { value: withParts(header.answer, parts), handledAt, bytes: offset };
}

/** The answer with each `{ $part: i }` replaced by part i (objects and arrays walked; the header holds no typed array). */
function withParts(value: unknown, parts: unknown[]): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = withParts(value[i], parts);
    return value;
  }
  const record = value as Record<string, unknown>;
  if (typeof record.$part === 'number') return parts[record.$part];
  for (const key of Object.keys(record)) record[key] = withParts(record[key], parts);
  return record;
}

type TextAnswer = { ok: boolean; value?: { columns: Record<string, unknown> } };

/** An invoices.listColumns answer as the `json` crossing sent it, with its typed arrays made again (part of the crossing's time). */
function columnsFromText(result: TextAnswer): unknown {
  if (!result.ok || !result.value) return result;
  const typed = (group: unknown) => {
    const out: Record<string, unknown> = {};
    for (const [key, cells] of Object.entries(group as Record<string, { ta: keyof typeof TYPED; b: string } | null>)) {
      if (cells === null) out[key] = null;
      else {
        const binary = page.atob(cells.b);
        const bytes = new Uint8Array(binary.length);
        for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
        out[key] = new TYPED[cells.ta](bytes.buffer);
      }
    }
    return out;
  };
  const { columns } = result.value;
  return { ...result, value: { ...result.value, columns: { ...columns, text: typed(columns.text), numbers: typed(columns.numbers), missing: typed(columns.missing) } } };
}
