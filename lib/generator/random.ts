/**
 * The generator's randomness: one small fast PRNG (sfc32) seeded from the run's seed, so the
 * same seed gives the same data on any machine. Nothing here reads the clock or Math.random.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream = 0) {
    this.a = 0x9e3779b9 ^ stream;
    this.b = 0x243f6a88 ^ Math.imul(stream, 0x85ebca6b);
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [min, max], both included. */
  between(min: number, max: number): number {
    return min + this.below(max - min + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)];
  }

  /** Poisson by counting exponential gaps (small means only: issues a week, records a day in tests). */
  poisson(mean: number): number {
    let k = -1;
    for (let sum = 0; sum <= mean; k++) sum -= Math.log(1 - this.next());
    return k;
  }

  /** A child stream for one part of the plan, so adding draws in one part does not shift another. */
  fork(stream: number): Random {
    return new Random(Math.floor(this.next() * 4294967296), stream);
  }
}

/** Weighted choice: cumulative weights and a binary search (a scan for short tables). */
export class Weighted<T> {
  readonly items: T[];
  private readonly cumulative: Float64Array;
  readonly total: number;

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    const kept = entries.filter(([, w]) => w > 0);
    if (kept.length === 0) throw new Error("Weighted: no item has a positive weight");
    this.items = kept.map(([item]) => item);
    this.cumulative = new Float64Array(kept.length);
    let sum = 0;
    kept.forEach(([, w], i) => {
      sum += w;
      this.cumulative[i] = sum;
    });
    this.total = sum;
  }

  pick(random: Random): T {
    const x = random.next() * this.total;
    const last = this.cumulative.length - 1;
    // A short table is faster scanned than searched; both find the first weight above x.
    if (last < 8) {
      let i = 0;
      while (i < last && this.cumulative[i] <= x) i++;
      return this.items[i];
    }
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }

  /** The share of one item's weight, 0 when absent. */
  share(item: T): number {
    const i = this.items.indexOf(item);
    if (i < 0) return 0;
    return (this.cumulative[i] - (i > 0 ? this.cumulative[i - 1] : 0)) / this.total;
  }
}
