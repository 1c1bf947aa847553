import type { PostDate } from '../content/document.js';
import type { DateData } from './template-data.js';

/**
 * Human date in the site language. Calendar days are formatted as calendar
 * days (in UTC, from their own Y-M-D), never as instants, so no reader's or
 * builder's time zone can show the day before.
 */
export function dateData(date: PostDate | null, language: string): DateData | null {
  if (!date) return null;
  const [y, m, d] = date.day.split('-').map(Number);
  const utcNoon = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12));
  const display = longDate(language).format(utcNoon);
  return { day: date.day, iso: date.instant ?? date.day, display, year: date.day.slice(0, 4) };
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per language: making one costs ~40 µs, far more than formatting, and every post has dates. */
function longDate(language: string): Intl.DateTimeFormat {
  let f = formats.get(language);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' });
    } catch {
      f = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' });
    }
    formats.set(language, f);
  }
  return f;
}

/** An instant for feeds and the sitemap: the given time, or noon UTC of the calendar day (noon keeps the same day for readers from UTC-11 to UTC+11). */
export function dateInstant(date: PostDate): Date {
  return date.instant ? new Date(date.instant) : new Date(`${date.day}T12:00:00Z`);
}
