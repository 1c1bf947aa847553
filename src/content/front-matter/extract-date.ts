import type { PostDate } from '../document.js';
import {
  formatDay,
  formatLocalDateTime,
  formatOffset,
  resolveWallTime,
  wallTimeAt,
  wallTimeAsUtc,
  type WallTime,
} from './time-zone.js';

/** Shown with every date error, so the author sees what would have worked. */
export const ACCEPTED_DATE_FORMS =
  'write the date as 2018-03-09, 2018-03-09T14:30, 2018-03-09 14:30:00+01:00, ' +
  '<2018-03-09 Fri>, [2018-03-09 Fri 14:30], March 9, 2018 or 9 March 2018';

export type DateParse =
  | { ok: true; date: PostDate; warnings: string[] }
  | { ok: false; message: string };

const MONTHS: Record<string, number> = {
  jan: 1, january: 1,
  feb: 2, february: 2,
  mar: 3, march: 3,
  apr: 4, april: 4,
  may: 5,
  jun: 6, june: 6,
  jul: 7, july: 7,
  aug: 8, august: 8,
  sep: 9, sept: 9, september: 9,
  oct: 10, october: 10,
  nov: 11, november: 11,
  dec: 12, december: 12,
};

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?(?:\s*(Z|[+-]\d{2}(?::?\d{2})?))?$/i;

// <2018-03-09 Fri>, [2018-03-09 Fri 14:30], <2018-03-09 Fri 10:00-11:00 +1w>, then maybe --<...>.
const ORG_TIMESTAMP =
  /^([<[])(\d{4})-(\d{2})-(\d{2})(?:\s+([^\s\d<>[\]+-][^\s<>[\]]*))?(?:\s+(\d{1,2}):(\d{2})(?:-\d{1,2}:\d{2})?)?(?:\s+(?:\.?\+\+?|-{1,2})\d+[hdwmy](?:\/\d+[hdwmy])?)*\s*([>\]])(.*)$/;

const WEEKDAY_PREFIX = String.raw`(?:([a-z]+)\.?,?\s+)?`;
const ORDINAL = String.raw`(?:st|nd|rd|th)?`;
// March 9, 2018 / Mar 9 2018 / March 9th, 2018 (an optional weekday first).
const MONTH_DAY_YEAR = new RegExp(
  String.raw`^${WEEKDAY_PREFIX}([a-z]+)\.?\s+(\d{1,2})${ORDINAL},?\s+(\d{4})$`,
  'i',
);
// 9 March 2018 / 9 Mar 2018 / 9th of March, 2018.
const DAY_MONTH_YEAR = new RegExp(
  String.raw`^${WEEKDAY_PREFIX}(\d{1,2})${ORDINAL}\s+(?:of\s+)?([a-z]+)\.?,?\s+(\d{4})$`,
  'i',
);

/**
 * Reads a post date written in any accepted form. Dates without a time are
 * calendar dates (no instant), so no zone can move them to another day;
 * times without an offset are read in `timeZone`.
 */
export function parseDate(input: string, timeZone: string): DateParse {
  const text = input.trim().replace(/\s+/g, ' ');
  if (text === '') return { ok: false, message: 'the date is empty' };

  const iso = ISO.exec(text);
  if (iso) {
    const [, y, mo, d, h, mi, s, frac, offset] = iso;
    if (offset !== undefined && h === undefined) {
      return { ok: false, message: `\`${text}\` has a UTC offset but no time of day` };
    }
    return build(text, num(y), num(mo), num(d), h, mi, s, frac, offset, timeZone, []);
  }

  const org = ORG_TIMESTAMP.exec(text);
  if (org) {
    const [, open, y, mo, d, weekday, h, mi, close, rest = ''] = org;
    if ((open === '<') !== (close === '>')) {
      return { ok: false, message: `the org timestamp \`${text}\` opens with ${open} but closes with ${close}` };
    }
    const warnings: string[] = [];
    if (rest.trim() !== '') {
      if (/^--?[<[]/.test(rest.trim())) warnings.push(`\`${text}\` is a range; only its start is used as the date`);
      else return { ok: false, message: `unexpected text \`${rest.trim()}\` after the org timestamp` };
    }
    const parsed = build(text, num(y), num(mo), num(d), h, mi, undefined, undefined, undefined, timeZone, warnings);
    if (parsed.ok && weekday !== undefined) {
      const mismatch = weekdayMismatch(num(y), num(mo), num(d), weekday);
      if (mismatch) parsed.warnings.push(mismatch);
    }
    return parsed;
  }

  const mdy = MONTH_DAY_YEAR.exec(text);
  const dmy = mdy ? null : DAY_MONTH_YEAR.exec(text);
  if (mdy || dmy) {
    const [weekday, monthWord = '', dayText, yearText] = mdy
      ? [mdy[1], mdy[2], mdy[3], mdy[4]]
      : [dmy?.[1], dmy?.[3], dmy?.[2], dmy?.[4]];
    const month = MONTHS[monthWord.toLowerCase()];
    if (month === undefined) return { ok: false, message: `\`${monthWord}\` in \`${text}\` is not an English month name` };
    if (weekday !== undefined && weekdayIndex(weekday) < 0) {
      return { ok: false, message: `\`${weekday}\` in \`${text}\` is not an English day name` };
    }
    const parsed = build(text, num(yearText), month, num(dayText), undefined, undefined, undefined, undefined, undefined, timeZone, []);
    if (parsed.ok && weekday !== undefined) {
      const mismatch = weekdayMismatch(num(yearText), month, num(dayText), weekday);
      if (mismatch) parsed.warnings.push(mismatch);
    }
    return parsed;
  }

  return { ok: false, message: `\`${text}\` is not a date orgpress can read` };
}

/**
 * The date in a `YYYY-MM-DD-` file-name prefix (`drafts/2018-03-09-post.org`),
 * or null when the name has none.
 */
export function dateFromFileName(path: string, timeZone: string): DateParse | null {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const m = /^(\d{4}-\d{2}-\d{2})(?:-|\.|$)/.exec(base);
  return m?.[1] ? parseDate(m[1], timeZone) : null;
}

function build(
  text: string,
  year: number,
  month: number,
  day: number,
  hourText: string | undefined,
  minuteText: string | undefined,
  secondText: string | undefined,
  fractionText: string | undefined,
  offsetText: string | undefined,
  timeZone: string,
  warnings: string[],
): DateParse {
  const bad = checkCalendarDate(year, month, day);
  if (bad) return { ok: false, message: `\`${text}\` is not a real date: ${bad}` };
  if (hourText === undefined) {
    return { ok: true, date: { day: formatDay({ year, month, day }), instant: null }, warnings };
  }

  const hour = num(hourText);
  const minute = num(minuteText);
  const second = secondText === undefined ? 0 : num(secondText);
  if (hour > 23 || minute > 59 || second > 59) {
    return { ok: false, message: `\`${text}\` is not a real time of day (hours go to 23, minutes and seconds to 59)` };
  }
  const millisecond = fractionText === undefined ? 0 : Math.floor(Number(`0.${fractionText}`) * 1000);
  const wall: WallTime = { year, month, day, hour, minute, second, millisecond };

  if (offsetText !== undefined) {
    const offsetMinutes = parseOffset(offsetText);
    if (offsetMinutes === null) return { ok: false, message: `\`${offsetText}\` in \`${text}\` is not a UTC offset` };
    const epochMs = wallTimeAsUtc(wall) - offsetMinutes * 60_000;
    return {
      ok: true,
      // The instant keeps the author's offset; the day is the site's.
      date: { day: formatDay(wallTimeAt(epochMs, timeZone)), instant: formatLocalDateTime(wall) + formatOffset(offsetMinutes) },
      warnings,
    };
  }

  const resolved = resolveWallTime(wall, timeZone);
  const local = wallTimeAt(resolved.epochMs, timeZone);
  local.millisecond = millisecond;
  if (resolved.shifted) {
    warnings.push(
      `${formatLocalDateTime(wall).replace('T', ' ')} does not exist in ${timeZone} (the clocks skip it); ` +
        `read as ${formatLocalDateTime(local).replace('T', ' ')}`,
    );
  }
  return {
    ok: true,
    date: { day: formatDay(local), instant: formatLocalDateTime(local) + formatOffset(resolved.offsetMinutes) },
    warnings,
  };
}

/** Why year-month-day is not a date, or null when it is one. */
export function checkCalendarDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12) return `there is no month ${month}`;
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) return `${MONTH_NAMES[month - 1]} ${year} has ${days} days`;
  return null;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** `Z`, `+01`, `+0100`, `+01:00` → minutes; null when out of range. */
function parseOffset(text: string): number | null {
  if (/^z$/i.test(text)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(text);
  if (!m) return null;
  const hours = num(m[2]);
  const minutes = m[3] === undefined ? 0 : num(m[3]);
  if (hours > 23 || minutes > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/** An org timestamp's day name that contradicts its date is likely a typo in one of them. */
function weekdayMismatch(year: number, month: number, day: number, written: string): string | null {
  const index = weekdayIndex(written);
  // Day names in other languages (org writes them in the author's locale) are not checked.
  if (index < 0) return null;
  const actual = new Date(wallTimeAsUtc({ year, month, day, hour: 12, minute: 0, second: 0, millisecond: 0 })).getUTCDay();
  if (actual === index) return null;
  return `${formatDay({ year, month, day })} is a ${WEEKDAYS[actual]}, not a ${WEEKDAYS[index]}`;
}

/** 0 (Sunday) to 6 for an English day name or its abbreviation (`Fri`, `Thurs`), else -1. */
function weekdayIndex(written: string): number {
  const word = written.toLowerCase().replace(/\.$/, '');
  if (word.length < 2) return -1;
  return WEEKDAYS.findIndex((w) => w.toLowerCase().startsWith(word));
}

function num(text: string | undefined): number {
  return Number(text ?? NaN);
}
