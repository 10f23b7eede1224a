/**
 * PostgreSQL COPY text written straight into a byte buffer: fields from pre-encoded fragments,
 * integers and timestamps from integer arithmetic, so building a row allocates nothing and formats
 * no string. Texts are escaped once, when a fragment is made.
 */
const TAB = 9;
const NEWLINE = 10;
const DAY_MS = 86_400_000;
const SHANGHAI_MS = 8 * 3_600_000;
const ascii = (c: string) => c.charCodeAt(0);

/** COPY text format: backslash, tab and line breaks escaped. */
export function copyEscape(value: string): string {
  return value.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}

/** A text escaped for COPY and encoded as UTF-8, once. */
export function fragment(text: string): Buffer<ArrayBuffer> {
  return Buffer.from(copyEscape(text));
}

/** COPY text for NULL (not escaped: it is the one backslash sequence meant as such). */
export const NULL_FIELD: Uint8Array = Buffer.from("\\N");
export const EMPTY: Uint8Array = Buffer.alloc(0);

/**
 * The civil date of a day counted from 1970-01-01 (proleptic Gregorian, as Date does), by
 * Howard Hinnant's days-to-civil algorithm: integer arithmetic only. Returns year * 10000 +
 * month * 100 + day.
 */
export function civilDate(days: number): number {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return year * 10_000 + month * 100 + day;
}

/** Rows of COPY text in one growing buffer, handed over a chunk at a time. */
export class CopyWriter {
  bytes: Buffer<ArrayBuffer>;
  at = 0;
  /** Rows ended since the last `take`, and where each began. */
  rows = 0;
  private rowStarts: Int32Array;
  /** Recent days' YYYY-MM-DD bytes, in 64 slots by the day's number (a row's times fall on one or two days). */
  private readonly dateDays = new Float64Array(64).fill(Number.NaN);
  private readonly dates = new Uint8Array(640);
  /** Where the last field began, for `again`. */
  private fieldStart = 0;

  constructor(
    private capacity: number,
    expectedRows = 1024,
  ) {
    this.bytes = Buffer.allocUnsafe(capacity);
    this.rowStarts = new Int32Array(expectedRows + 1);
  }

  /** Starts a row that takes at most `bound` bytes. */
  begin(bound: number): void {
    if (this.at + bound > this.bytes.length) this.grow(this.at + bound);
    if (this.rows >= this.rowStarts.length - 1) {
      const starts = new Int32Array(this.rowStarts.length * 2);
      starts.set(this.rowStarts);
      this.rowStarts = starts;
    }
    this.rowStarts[this.rows] = this.at;
  }

  /** Ends the row begun last: its line break replaces the tab after its last field. */
  end(): void {
    this.bytes[this.at - 1] = NEWLINE;
    this.rows++;
    this.rowStarts[this.rows] = this.at;
  }

  /** Where each row since the last `take` begins, and (last) where the last one ends. */
  rowOffsets(): Int32Array {
    return this.rowStarts.slice(0, this.rows + 1);
  }

  /** The rows written so far, as one buffer of their own; the writer starts afresh. */
  take(): Buffer<ArrayBuffer> {
    const out = this.bytes.subarray(0, this.at);
    // The next chunk's room: this one's size and an eighth (a chunk kept holds on to all of it).
    this.capacity = Math.max(4096, this.at + (this.at >> 3));
    this.bytes = Buffer.allocUnsafe(this.capacity);
    this.at = 0;
    this.rows = 0;
    return out;
  }

  private grow(size: number): void {
    const bytes = Buffer.allocUnsafe(Math.max(size, this.bytes.length * 2));
    bytes.set(this.bytes.subarray(0, this.at));
    this.bytes = bytes;
    this.capacity = bytes.length;
  }

  /** A field from a fragment. */
  field(value: Uint8Array): void {
    this.raw(value);
    this.bytes[this.at++] = TAB;
  }

  /** Two fragments as one field (a customer's words and the tail the agent noted after them). */
  field2(first: Uint8Array, second: Uint8Array): void {
    this.raw(first);
    this.raw(second);
    this.bytes[this.at++] = TAB;
  }

  /** A field from plain text: escaped and encoded here (for the rare rows whose text is made per row). */
  text(value: string): void {
    this.at += this.bytes.write(copyEscape(value), this.at);
    this.bytes[this.at++] = TAB;
  }

  /** A field from text known to hold only ASCII without tabs, line breaks or backslashes (links, ids). */
  ascii(value: string): void {
    this.at += this.bytes.write(value, this.at, "latin1");
    this.bytes[this.at++] = TAB;
  }

  /** A non-negative integer field, or NULL when negative. */
  int(n: number): void {
    if (n < 0) return this.field(NULL_FIELD);
    this.digits(n, 1);
    this.bytes[this.at++] = TAB;
  }

  /** Bytes without the tab, to build a field from pieces; `close` ends it. */
  raw(value: Uint8Array): void {
    const b = this.bytes;
    let at = this.at;
    // Short fragments are copied faster byte by byte than through the native copy.
    if (value.length <= 32) for (let i = 0; i < value.length; i++) b[at++] = value[i];
    else {
      b.set(value, at);
      at += value.length;
    }
    this.at = at;
  }

  /** An integer's decimal digits, zero-padded to `width`, without the tab. */
  digits(n: number, width: number): void {
    let size = 1;
    for (let p = 10; p <= n; p *= 10) size++;
    if (size < width) size = width;
    const b = this.bytes;
    let at = this.at + size;
    this.at = at;
    if (n <= 0x7fffffff) {
      let v = n | 0;
      for (let i = 0; i < size; i++) {
        const q = (v / 10) | 0;
        b[--at] = 48 + v - q * 10;
        v = q;
      }
      return;
    }
    for (let i = 0; i < size; i++) {
      const q = Math.floor(n / 10);
      b[--at] = 48 + n - q * 10;
      n = q;
    }
  }

  close(): void {
    this.bytes[this.at++] = TAB;
  }

  /** YYYYMMDD of a moment in Shanghai, without the tab. */
  compactDate(ms: number): void {
    const date = civilDate(Math.floor((ms + SHANGHAI_MS) / DAY_MS));
    this.digits(date, 8);
  }

  /**
   * A moment as timestamptz text in Shanghai time: YYYY-MM-DD HH:MM:SS, then .mmm when the
   * milliseconds are not zero, then +08. For years 0 to 9999.
   */
  time(ms: number): void {
    const local = ms + SHANGHAI_MS;
    const day = Math.floor(local / DAY_MS);
    const slot = day & 63;
    if (this.dateDays[slot] !== day) this.setDay(day, slot);
    const b = this.bytes;
    const dates = this.dates;
    let at = this.at;
    this.fieldStart = at;
    for (let i = slot * 10, end = i + 10; i < end; i++) b[at++] = dates[i];
    let rest = local - day * DAY_MS;
    const milli = rest % 1000;
    rest = (rest - milli) / 1000;
    const second = rest % 60;
    rest = (rest - second) / 60;
    const minute = rest % 60;
    const hour = (rest - minute) / 60;
    b[at++] = 32;
    at = two(b, at, hour);
    b[at++] = 58;
    at = two(b, at, minute);
    b[at++] = 58;
    at = two(b, at, second);
    if (milli !== 0) {
      b[at++] = 46;
      b[at++] = 48 + Math.floor(milli / 100);
      at = two(b, at, milli % 100);
    }
    b[at++] = PLUS;
    b[at++] = 48;
    b[at++] = 56;
    b[at++] = TAB;
    this.at = at;
  }

  /** The last field written by `time`, again (a row's created_at is its occurred_at). */
  again(): void {
    const b = this.bytes;
    const end = this.at;
    let at = end;
    for (let i = this.fieldStart; i < end; i++) b[at++] = b[i];
    this.fieldStart = end;
    this.at = at;
  }

  private setDay(day: number, slot: number): void {
    const civil = civilDate(day);
    const year = Math.floor(civil / 10_000);
    const month = Math.floor(civil / 100) % 100;
    const d = this.dates;
    const at = slot * 10;
    d[at] = 48 + Math.floor(year / 1000);
    d[at + 1] = 48 + (Math.floor(year / 100) % 10);
    two(d, at + 2, year % 100);
    d[at + 4] = MINUS;
    two(d, at + 5, month);
    d[at + 7] = MINUS;
    two(d, at + 8, civil % 100);
    this.dateDays[slot] = day;
  }
}

const PLUS = ascii("+");
const MINUS = ascii("-");

function two(b: Uint8Array, at: number, n: number): number {
  const tens = Math.floor(n / 10);
  b[at] = 48 + tens;
  b[at + 1] = 48 + n - tens * 10;
  return at + 2;
}
