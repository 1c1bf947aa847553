import { describe, expect, it } from 'vitest';
import { all, classes, one, renderOrg, text } from '../../../helpers/render-org.js';

describe('timestamps', () => {
  it('renders an active date as <time> with an ISO date and the text without brackets', () => {
    const { tree } = renderOrg('On <2018-03-09 Fri>.\n');
    const time = one(tree, 'p > time.timestamp');
    expect(time.properties['dateTime']).toBe('2018-03-09');
    expect(text(time)).toBe('2018-03-09 Fri');
    expect(classes(time)).toContain('timestamp-active');
  });

  it('gives an inactive timestamp with a time a local date-time', () => {
    const { tree } = renderOrg('At [2018-03-09 Fri 10:00].\n');
    const time = one(tree, 'time.timestamp');
    expect(time.properties['dateTime']).toBe('2018-03-09T10:00');
    expect(text(time)).toBe('2018-03-09 Fri 10:00');
    expect(classes(time)).toContain('timestamp-inactive');
  });

  it('renders a date range as two <time>s joined by an en dash', () => {
    const { tree } = renderOrg('From <2018-03-09 Fri>--<2018-03-11 Sun>.\n');
    const range = one(tree, 'span.timestamp-range');
    expect(all(range, 'time').map((t) => t.properties['dateTime'])).toEqual(['2018-03-09', '2018-03-11']);
    expect(text(range)).toBe('2018-03-09 Fri\u20132018-03-11 Sun');
  });

  it('renders a time range within a day with the end time alone', () => {
    const { tree } = renderOrg('Meet <2018-03-09 Fri 10:00-12:30>.\n');
    const range = one(tree, 'span.timestamp-range');
    expect(all(range, 'time').map((t) => t.properties['dateTime'])).toEqual(['2018-03-09T10:00', '2018-03-09T12:30']);
    expect(text(range)).toBe('2018-03-09 Fri 10:00\u201312:30');
  });

  it('keeps a repeater as written', () => {
    const { tree } = renderOrg('Every week <2018-03-09 Fri +1w>.\n');
    expect(text(one(tree, 'time'))).toBe('2018-03-09 Fri +1w');
  });
});
