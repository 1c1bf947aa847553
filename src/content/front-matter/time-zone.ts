/**
 * Wall-clock time <-> instant conversion in an IANA zone, with nothing but
 * Intl: Node ships the zone database, so no date library is needed.
 */

/** A local date and time as read on a wall clock, month 1-12. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** How a wall time was placed on the time line. */
export interface ResolvedWallTime {
  /** Milliseconds since the epoch. */
  epochMs: number;
  /** The zone's offset from UTC at that instant, in minutes (east positive). */
  offsetMinutes: number;
  /**
   * True when the wall time does not exist in the zone (skipped by a clock
   * change) and was moved forward by the length of the gap.
   */
  shifted: boolean;
}

const DAY_MS = 86_400_000;

// Building a DateTimeFormat is costly compared with using one; one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Epoch milliseconds of a wall time read as UTC (years below 100 stay as written). */
export function wallTimeAsUtc(w: WallTime): number {
  const d = new Date(0);
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  d.setUTCHours(w.hour, w.minute, w.second, w.millisecond);
  return d.getTime();
}

/** The wall time in `timeZone` at an instant. */
export function wallTimeAt(epochMs: number, timeZone: string): WallTime {
  const parts = formatterFor(timeZone).formatToParts(new Date(epochMs));
  const get = (type: Intl.DateTimeFormatPartTypes): number => {
    const part = parts.find((p) => p.type === type);
    return part ? Number(part.value) : 0;
  };
  const era = parts.find((p) => p.type === 'era')?.value ?? 'AD';
  const yearOfEra = get('year');
  return {
    // 1 BC is year 0 in ISO numbering.
    year: era.startsWith('B') ? 1 - yearOfEra : yearOfEra,
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
    millisecond: ((epochMs % 1000) + 1000) % 1000,
  };
}

/** The zone's UTC offset at an instant, in whole minutes (east positive). */
export function offsetMinutesAt(epochMs: number, timeZone: string): number {
  return Math.round((wallTimeAsUtc(wallTimeAt(epochMs, timeZone)) - epochMs) / 60_000);
}

/**
 * Places a wall time of `timeZone` on the time line. Follows Temporal's
 * "compatible" rule: a time repeated by a clock change takes the earlier
 * instant, a time skipped by one is moved forward by the gap.
 */
export function resolveWallTime(w: WallTime, timeZone: string): ResolvedWallTime {
  const local = wallTimeAsUtc(w);
  // Zone offsets never change twice within two days, so the offsets a day
  // either side are the only candidates.
  const before = offsetMinutesAt(local - DAY_MS, timeZone);
  const after = offsetMinutesAt(local + DAY_MS, timeZone);
  const valid = [...new Set([before, after])]
    .map((offset) => local - offset * 60_000)
    .filter((epochMs) => wallTimeAsUtc(wallTimeAt(epochMs, timeZone)) === local)
    .sort((a, b) => a - b);
  const first = valid[0];
  if (first !== undefined) {
    return { epochMs: first, offsetMinutes: offsetMinutesAt(first, timeZone), shifted: false };
  }
  // In a gap: reading the time with the offset in force before the change
  // lands the gap's length later, as a clock moved forward would.
  const epochMs = local - before * 60_000;
  return { epochMs, offsetMinutes: offsetMinutesAt(epochMs, timeZone), shifted: true };
}

/** `+05:30`, `-04:00`, `+00:00`. */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

/** `2018-03-09`. */
export function formatDay(w: Pick<WallTime, 'year' | 'month' | 'day'>): string {
  return `${String(w.year).padStart(4, '0')}-${pad2(w.month)}-${pad2(w.day)}`;
}

/** `2018-03-09T14:30:00`, with `.250` only when there are milliseconds. */
export function formatLocalDateTime(w: WallTime): string {
  const ms = w.millisecond ? `.${String(w.millisecond).padStart(3, '0')}` : '';
  return `${formatDay(w)}T${pad2(w.hour)}:${pad2(w.minute)}:${pad2(w.second)}${ms}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
