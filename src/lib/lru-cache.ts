/**
 * A least-recently-used cache bounded by total size (bytes, or any weight), for responses rendered
 * on demand: at national size the pages cannot all stay in memory, the ones people visit can.
 */
export class LruCache<V> {
  private entries = new Map<string, { value: V; size: number }>();
  private total = 0;

  private readonly maxSize: number;
  private readonly sizeOf: (value: V) => number;

  constructor(maxSize: number, sizeOf: (value: V) => number) {
    this.maxSize = maxSize;
    this.sizeOf = sizeOf;
  }

  get size(): number {
    return this.total;
  }

  get count(): number {
    return this.entries.size;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Re-inserting moves the key to the end: Map keeps insertion order, so the first key is the oldest.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V): void {
    const size = this.sizeOf(value);
    this.delete(key);
    if (size > this.maxSize) return;
    this.entries.set(key, { value, size });
    this.total += size;
    for (const [oldest, entry] of this.entries) {
      if (this.total <= this.maxSize) break;
      this.entries.delete(oldest);
      this.total -= entry.size;
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.total -= entry.size;
  }
}
