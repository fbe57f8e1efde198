/** A growable set of typed-array columns (records stored column-wise, as the invoices are). */
type Typed = Uint32Array | Int32Array | Uint8Array | Float64Array;
type Ctor = new (n: number) => Typed;

export class Columns<K extends string> {
  n = 0;
  private cols: Record<K, Typed>;
  private readonly keys: K[];

  constructor(private readonly kinds: Record<K, Ctor>) {
    this.keys = Object.keys(kinds) as K[];
    this.cols = {} as Record<K, Typed>;
    for (const k of this.keys) this.cols[k] = new kinds[k](1024);
  }

  get(k: K, i: number): number {
    return this.cols[k][i]!;
  }

  /** A Float64Array column as it is now (a new array once the columns grow): what a query reads in place (schema/table.ts FieldDef.stored). */
  column(k: K): Float64Array {
    const column = this.cols[k];
    if (!(column instanceof Float64Array)) throw new Error(`column ${k} is not a Float64Array`);
    return column;
  }

  set(k: K, i: number, v: number): void {
    this.cols[k][i] = v;
  }

  /** Appends one record (unnamed columns are 0); returns its index. */
  push(values: Partial<Record<K, number>>): number {
    const i = this.n;
    if (i >= this.cols[this.keys[0]!].length) this.grow();
    for (const k in values) this.cols[k][i] = values[k]!;
    this.n++;
    return i;
  }

  private grow(): void {
    for (const k of this.keys) {
      const a = this.cols[k];
      const b = new this.kinds[k](a.length * 2);
      b.set(a);
      this.cols[k] = b;
    }
  }
}
