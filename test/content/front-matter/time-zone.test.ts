import { describe, expect, it } from 'vitest';
import { formatOffset, offsetMinutesAt, resolveWallTime } from '../../../src/content/front-matter/time-zone.js';

const wall = (year: number, month: number, day: number, hour: number, minute = 0) => ({
  year, month, day, hour, minute, second: 0, millisecond: 0,
});

describe('time-zone', () => {
  it('finds the offset of a zone at an instant, with daylight saving', () => {
    expect(offsetMinutesAt(Date.UTC(2018, 6, 4, 12), 'America/New_York')).toBe(-240);
    expect(offsetMinutesAt(Date.UTC(2018, 0, 4, 12), 'America/New_York')).toBe(-300);
    expect(offsetMinutesAt(Date.UTC(2018, 0, 4, 12), 'Pacific/Kiritimati')).toBe(840);
  });

  it('places a wall time on the time line', () => {
    const r = resolveWallTime(wall(2018, 7, 4, 14, 30), 'America/New_York');
    expect(new Date(r.epochMs).toISOString()).toBe('2018-07-04T18:30:00.000Z');
    expect(r).toMatchObject({ offsetMinutes: -240, shifted: false });
  });

  it('takes the earlier instant of a repeated wall time', () => {
    const r = resolveWallTime(wall(2018, 11, 4, 1, 30), 'America/New_York');
    expect(new Date(r.epochMs).toISOString()).toBe('2018-11-04T05:30:00.000Z');
  });

  it('moves a skipped wall time forward by the gap', () => {
    const r = resolveWallTime(wall(2018, 3, 11, 2, 30), 'America/New_York');
    expect(new Date(r.epochMs).toISOString()).toBe('2018-03-11T07:30:00.000Z');
    expect(r).toMatchObject({ offsetMinutes: -240, shifted: true });
  });

  it('formats offsets as ±HH:MM', () => {
    expect([formatOffset(0), formatOffset(330), formatOffset(-240), formatOffset(-570)]).toEqual(['+00:00', '+05:30', '-04:00', '-09:30']);
  });
});
