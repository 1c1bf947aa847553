/**
 * uniorg-rehype `timestamp` handler: org timestamps as `<time>` elements.
 *
 *   <2018-03-09 Fri>         → <time class="timestamp timestamp-active" datetime="2018-03-09">2018-03-09 Fri</time>
 *   [2018-03-09 Fri 10:00]   → <time class="timestamp timestamp-inactive" datetime="2018-03-09T10:00">2018-03-09 Fri 10:00</time>
 *   <2018-03-09 Fri>--<2018-03-11 Sun>
 *                            → <span class="timestamp-range"><time …>2018-03-09 Fri</time>–<time …>2018-03-11 Sun</time></span>
 *   <2018-03-09 Fri 10:00-12:00>
 *                            → <span class="timestamp-range"><time …T10:00>2018-03-09 Fri 10:00</time>–<time …T12:00>12:00</time></span>
 *
 * The text is the timestamp as written, without its brackets (repeaters
 * and warning delays such as `+1w` stay); ranges are joined by an en dash
 * as ox-html does. ox-html keeps the brackets (`<span class="timestamp">&lt;2018-03-09 Fri&gt;</span>`):
 * we drop them, since on a web page they read as markup left behind; the
 * active/inactive distinction they carried survives as a class. `datetime`
 * is an HTML date (`2018-03-09`) or local date and time (`2018-03-09T10:00`):
 * org timestamps carry no time zone. Diary timestamps (`<%%(…)>`) have no
 * date to give, so they are a `<span class="timestamp">` with their text.
 */
import type { Element, ElementContent } from 'hast';
import type { Timestamp } from 'uniorg';
import type { Options as OrgRehypeOptions } from 'uniorg-rehype';

type TimestampHandler = NonNullable<NonNullable<OrgRehypeOptions['handlers']>['timestamp']>;
type Converter = ThisParameterType<TimestampHandler>;
type Point = NonNullable<Timestamp['start']>;

interface TimestampPart {
  text: string;
  datetime: string | null;
}

export const timestampHandler: TimestampHandler = function timestampHandler(this: Converter, org: Timestamp): Element {
  const parts = timestampParts(org);
  const kind = org.timestampType.startsWith('inactive') ? 'timestamp-inactive' : 'timestamp-active';
  const one = (part: TimestampPart): Element =>
    part.datetime === null
      ? this.h(null, 'span', { className: ['timestamp', kind] }, part.text)
      : this.h(null, 'time', { className: ['timestamp', kind], dateTime: part.datetime }, part.text);
  const [start, end] = parts;
  if (end === undefined) return one(start);
  const children: ElementContent[] = [one(start), { type: 'text', value: '\u2013' }, one(end)];
  return this.h(null, 'span', { className: ['timestamp-range'] }, children);
};

/** The timestamp's text as the page shows it (`2018-03-09 Fri–2018-03-11 Sun`), for plain-text uses. */
export function timestampText(org: Timestamp): string {
  return timestampParts(org)
    .map((p) => p.text)
    .join('\u2013');
}

/** One part, or two for a range, each with its text and HTML datetime. */
export function timestampParts(org: Timestamp): [TimestampPart] | [TimestampPart, TimestampPart] {
  const raw = org.rawValue.trim();
  // <a>--<b>: two full timestamps.
  const pair = /^([<[])(.*?)[>\]]--?[<[](.*)[>\]]$/.exec(raw);
  if (pair && org.end) {
    return [
      { text: (pair[2] ?? '').trim(), datetime: isoOf(org.start) },
      { text: (pair[3] ?? '').trim(), datetime: isoOf(org.end) },
    ];
  }
  const inner = raw.replace(/^[<[]/, '').replace(/[>\]]$/, '').trim();
  // <2018-03-09 Fri 10:00-12:00>: a time range within one day.
  const times = /^(.*?\d{1,2}:\d{2})-(\d{1,2}:\d{2})(.*)$/.exec(inner);
  if (times && org.end) {
    return [
      { text: times[1] ?? '', datetime: isoOf(org.start) },
      { text: ((times[2] ?? '') + (times[3] ?? '')).trim(), datetime: isoOf(org.end) },
    ];
  }
  return [{ text: inner, datetime: isoOf(org.start) }];
}

function isoOf(point: Point | null): string | null {
  if (!point) return null;
  const { year, month, day, hour, minute } = point;
  if (![year, month, day].every(Number.isFinite)) return null;
  const date = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  return hour === null ? date : `${date}T${pad(hour, 2)}:${pad(minute ?? 0, 2)}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
