import { describe, expect, it } from 'vitest';
import { daysActiveWindow, lifecycleWindow } from '../src/dashboard/activityWindows';

describe('lifecycleWindow', () => {
  it('starts at the first whole interval of the range', () => {
    // 2024-03-31 is a Sunday; 2024-06-28 a Friday.
    const range = { from: '2024-03-31', to: '2024-06-28' };
    expect(lifecycleWindow(range, 'week')).toEqual({ from: '2024-04-01', to: '2024-06-28' });
    expect(lifecycleWindow(range, 'month')).toEqual({ from: '2024-04-01', to: '2024-06-28' });
    expect(lifecycleWindow(range, 'day')).toEqual(range);
  });

  it('keeps a range that starts an interval, and takes whole a range too short to start one', () => {
    expect(lifecycleWindow({ from: '2024-04-01', to: '2024-04-30' }, 'week')).toEqual({ from: '2024-04-01', to: '2024-04-30' });
    expect(lifecycleWindow({ from: '2024-06-01', to: '2024-06-28' }, 'month')).toEqual({ from: '2024-06-01', to: '2024-06-28' });
    // Seven days from a Saturday hold a Monday; three days in mid-week and the last week of June hold no week's or month's start.
    expect(lifecycleWindow({ from: '2024-06-22', to: '2024-06-28' }, 'week')).toEqual({ from: '2024-06-24', to: '2024-06-28' });
    expect(lifecycleWindow({ from: '2024-06-25', to: '2024-06-27' }, 'week')).toEqual({ from: '2024-06-25', to: '2024-06-27' });
    expect(lifecycleWindow({ from: '2024-06-22', to: '2024-06-28' }, 'month')).toEqual({ from: '2024-06-22', to: '2024-06-28' });
  });
});

describe('daysActiveWindow', () => {
  it("is the range's last 7 days, or all of a shorter range", () => {
    expect(daysActiveWindow({ from: '2024-03-31', to: '2024-06-28' })).toEqual({ from: '2024-06-22', to: '2024-06-28' });
    expect(daysActiveWindow({ from: '2024-06-26', to: '2024-06-28' })).toEqual({ from: '2024-06-26', to: '2024-06-28' });
    // Across a month's end.
    expect(daysActiveWindow({ from: '2024-01-01', to: '2024-03-02' })).toEqual({ from: '2024-02-25', to: '2024-03-02' });
  });
});
