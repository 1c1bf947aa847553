import { afterEach, describe, expect, it } from 'vitest';
import { ACCEPTED_DATE_FORMS, dateFromFileName, parseDate } from '../../../src/content/front-matter/extract-date.js';

function dateOf(text: string, timeZone = 'UTC') {
  const r = parseDate(text, timeZone);
  if (!r.ok) throw new Error(`expected ${text} to parse, got: ${r.message}`);
  return r.date;
}

function failureOf(text: string, timeZone = 'UTC'): string {
  const r = parseDate(text, timeZone);
  if (r.ok) throw new Error(`expected ${text} to be rejected, got ${JSON.stringify(r.date)}`);
  return r.message;
}

const calendar = { day: '2018-03-09', instant: null };

describe('parseDate: every accepted form', () => {
  it.each([
    ['2018-03-09', calendar],
    ['2018-03-09T14:30', { day: '2018-03-09', instant: '2018-03-09T14:30:00+00:00' }],
    ['2018-03-09 14:30:00+01:00', { day: '2018-03-09', instant: '2018-03-09T14:30:00+01:00' }],
    ['2018-03-09T14:30:00Z', { day: '2018-03-09', instant: '2018-03-09T14:30:00+00:00' }],
    ['2018-03-09T14:30:00.250+0530', { day: '2018-03-09', instant: '2018-03-09T14:30:00.250+05:30' }],
    ['<2018-03-09 Fri>', calendar],
    ['[2018-03-09 Fri]', calendar],
    ['[2018-03-09 Fri 14:30]', { day: '2018-03-09', instant: '2018-03-09T14:30:00+00:00' }],
    ['<2018-03-09 Fri 10:00-11:00 +1w>', { day: '2018-03-09', instant: '2018-03-09T10:00:00+00:00' }],
    ['March 9, 2018', calendar],
    ['Mar 9 2018', calendar],
    ['Mar. 9, 2018', calendar],
    ['9 March 2018', calendar],
    ['9 Mar 2018', calendar],
    ['March 9th, 2018', calendar],
    ['Friday, March 9, 2018', calendar],
    ['  march   9,  2018 ', calendar],
  ])('reads %j', (text, expected) => {
    expect(dateOf(text)).toEqual(expected);
  });

  it('reads a leap day in a leap year', () => {
    expect(dateOf('February 29, 2020')).toEqual({ day: '2020-02-29', instant: null });
  });
});

describe('parseDate: time zones', () => {
  it('reads a datetime without offset in the site zone: New York summer is -04:00', () => {
    expect(dateOf('2018-07-04T14:30', 'America/New_York')).toEqual({
      day: '2018-07-04',
      instant: '2018-07-04T14:30:00-04:00',
    });
  });

  it('reads a datetime without offset in the site zone: New York winter is -05:00', () => {
    expect(dateOf('2018-01-15 14:30', 'America/New_York')).toEqual({
      day: '2018-01-15',
      instant: '2018-01-15T14:30:00-05:00',
    });
  });

  it('reads an org timestamp with a time in the site zone', () => {
    expect(dateOf('[2018-07-04 Wed 09:15]', 'America/New_York').instant).toBe('2018-07-04T09:15:00-04:00');
  });

  it('uses half-hour zones as they are', () => {
    expect(dateOf('2018-03-09T14:30', 'Asia/Kolkata').instant).toBe('2018-03-09T14:30:00+05:30');
  });

  it('moves a time skipped by the spring clock change forward, with a warning', () => {
    const r = parseDate('2018-03-11 02:30', 'America/New_York');
    expect(r.ok && r.date).toEqual({ day: '2018-03-11', instant: '2018-03-11T03:30:00-04:00' });
    expect(r.ok && r.warnings.join()).toMatch(/does not exist in America\/New_York/);
  });

  it('reads a time repeated by the autumn clock change as the earlier one', () => {
    expect(dateOf('2018-11-04 01:30', 'America/New_York').instant).toBe('2018-11-04T01:30:00-04:00');
  });

  it('gives the calendar day in the site zone for a datetime with another offset', () => {
    // 23:30 in New York is already the next day in UTC and in Tokyo.
    expect(dateOf('2018-03-09T23:30:00-05:00', 'UTC')).toEqual({
      day: '2018-03-10',
      instant: '2018-03-09T23:30:00-05:00',
    });
    expect(dateOf('2018-03-09T23:30:00-05:00', 'America/New_York').day).toBe('2018-03-09');
  });

  describe('calendar dates never move to another day', () => {
    const savedTz = process.env.TZ;
    afterEach(() => {
      if (savedTz === undefined) delete process.env.TZ;
      else process.env.TZ = savedTz;
    });

    it.each(['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/New_York', 'Asia/Tokyo', 'UTC'])(
      'gives 2018-03-09 whatever the zone (%s)',
      (zone) => {
        process.env.TZ = zone;
        for (const form of ['2018-03-09', '<2018-03-09 Fri>', 'March 9, 2018', '9 Mar 2018']) {
          expect(dateOf(form, zone)).toEqual(calendar);
          expect(dateOf(form, 'Pacific/Kiritimati')).toEqual(calendar);
          expect(dateOf(form, 'Pacific/Pago_Pago')).toEqual(calendar);
        }
      },
    );
  });
});

describe('parseDate: rejected dates', () => {
  it.each([
    ['2018-02-30', /February 2018 has 28 days/],
    ['February 30, 2018', /February 2018 has 28 days/],
    ['2019-02-29', /February 2019 has 28 days/],
    ['2018-13-01', /no month 13/],
    ['2018-04-31', /April 2018 has 30 days/],
    ['2018-03-09T25:00', /time of day/],
    ['2018-03-09Z', /offset but no time/],
    ['Marhc 9, 2018', /not an English month name/],
    ['yesterday', /not a date/],
    ['03/09/2018', /not a date/],
    ['<2018-03-09 Fri]', /opens with < but closes with \]/],
    ['', /empty/],
  ])('rejects %j', (text, why) => {
    expect(failureOf(text)).toMatch(why);
  });

  it('lists the accepted forms for the hint', () => {
    for (const example of ['2018-03-09', '2018-03-09T14:30', '<2018-03-09 Fri>', 'March 9, 2018', '9 March 2018']) {
      expect(ACCEPTED_DATE_FORMS).toContain(example);
    }
  });
});

describe('parseDate: warnings', () => {
  it('warns when an org timestamp names the wrong weekday', () => {
    const r = parseDate('<2018-03-09 Mon>', 'UTC');
    expect(r.ok && r.date).toEqual(calendar);
    expect(r.ok && r.warnings).toEqual(['2018-03-09 is a Friday, not a Monday']);
  });

  it('does not check weekday names in other languages', () => {
    const r = parseDate('<2018-03-09 ven.>', 'UTC');
    expect(r.ok && r.warnings).toEqual([]);
  });

  it('takes the start of an org range, with a warning', () => {
    const r = parseDate('<2018-03-09 Fri>--<2018-03-10 Sat>', 'UTC');
    expect(r.ok && r.date).toEqual(calendar);
    expect(r.ok && r.warnings.join()).toMatch(/range/);
  });
});

describe('dateFromFileName', () => {
  it('reads the YYYY-MM-DD- prefix as a calendar date', () => {
    const r = dateFromFileName('drafts/2018-03-09-python-asyncio.org', 'Pacific/Pago_Pago');
    expect(r?.ok && r.date).toEqual(calendar);
  });

  it('gives null when the name has no date prefix', () => {
    expect(dateFromFileName('drafts/python-asyncio.org', 'UTC')).toBeNull();
    expect(dateFromFileName('drafts/2018-03/x.org', 'UTC')).toBeNull();
  });

  it('rejects an impossible date in the prefix', () => {
    const r = dateFromFileName('drafts/2018-02-30-x.org', 'UTC');
    expect(r?.ok).toBe(false);
  });
});
