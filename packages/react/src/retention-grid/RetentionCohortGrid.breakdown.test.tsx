import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { axeViolations } from '../test/axe';
import { weeklyByCountry, weeklyByCountryUnbounded } from '../test/retentionBreakdownFixtures';
import { weeklyExact } from '../test/retentionFixtures';
import { RetentionCohortGrid } from './RetentionCohortGrid';

const spaces = (text: string | null | undefined): string => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
const groups = weeklyByCountry.breakdown!.groups;
/** The cohort sizes a row header shows, "34 users", cohorts in order (the average row first). */
const sizesShown = (): string[] =>
  Array.from(document.querySelectorAll('.kpikit-retention-grid__cohort-size'), (span) => spaces(span.textContent));
const sizesOf = (cohorts: readonly { size: number }[]): string[] => {
  const total = cohorts.reduce((sum, cohort) => sum + cohort.size, 0);
  return [total, ...cohorts.map((cohort) => cohort.size)].map((n) => `${n.toLocaleString('en-US')} ${n === 1 ? 'user' : 'users'}`);
};

describe('RetentionCohortGrid breakdown', () => {
  it('offers "All", then the groups in core’s order, "Other" and "(none)" last', () => {
    render(<RetentionCohortGrid data={weeklyByCountry} />);
    const select = screen.getByRole('combobox', { name: 'By country' });
    const options = Array.from(select.querySelectorAll('option'), (option) => option.textContent);
    expect(options).toEqual(['All', ...groups.slice(0, 10).map((group) => String(group.value)), 'Other', '(none)']);
    expect(options).toHaveLength(13);
    expect(select).toHaveValue('$all');
    expect(document.querySelector('.kpikit-retention-grid')).toHaveAttribute('data-breakdown', '$all');
  });

  it('shows no selector, and no data-breakdown, without a breakdown', () => {
    render(<RetentionCohortGrid data={weeklyExact} />);
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(document.querySelector('.kpikit-retention-grid')).not.toHaveAttribute('data-breakdown');
  });

  it('draws the chosen group’s cohorts: the sizes core computed for it', async () => {
    const onBreakdownChange = vi.fn();
    render(<RetentionCohortGrid data={weeklyByCountry} onBreakdownChange={onBreakdownChange} />);
    expect(sizesShown()).toEqual(sizesOf(weeklyByCountry.cohorts));
    const group = groups[0]!;
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'By country' }), String(group.value));
    expect(onBreakdownChange).toHaveBeenLastCalledWith(String(group.value));
    expect(sizesShown()).toEqual(sizesOf(group.cohorts));
    expect(sizesShown()).not.toEqual(sizesOf(weeklyByCountry.cohorts));
    expect(document.querySelector('.kpikit-retention-grid')).toHaveAttribute('data-breakdown', String(group.value));
    // The title's count is the group's.
    const total = group.cohorts.reduce((sum, cohort) => sum + cohort.size, 0);
    expect(spaces(document.querySelector('.kpikit-card__meta')?.textContent)).toBe(`${total} users`);

    await userEvent.selectOptions(screen.getByRole('combobox'), '$none');
    expect(sizesShown()).toEqual(sizesOf(groups.find((candidate) => candidate.value === null)!.cohorts));
    await userEvent.selectOptions(screen.getByRole('combobox'), 'All');
    expect(sizesShown()).toEqual(sizesOf(weeklyByCountry.cohorts));
  });

  it('keeps the group when the mode switches', async () => {
    render(<RetentionCohortGrid data={{ exact: weeklyByCountry, unbounded: weeklyByCountryUnbounded }} defaultBreakdownValue="Other" />);
    const other = weeklyByCountryUnbounded.breakdown!.groups.find((group) => group.other)!;
    await userEvent.click(screen.getByRole('button', { name: 'In or after' }));
    expect(screen.getByRole('combobox')).toHaveValue('Other');
    expect(sizesShown()).toEqual(sizesOf(other.cohorts));
    const week1 = document.querySelector('[data-cell="1:1"]');
    const first = other.cohorts[0]!;
    expect(spaces(week1?.textContent)).toMatch(new RegExp(`^${Math.round(first.rates[1]! * 100)}%`));
  });

  it('is controllable: the parent’s value wins, and a key matching no group shows all', () => {
    function Controlled() {
      const [value, setValue] = useState('TW');
      return (
        <>
          <RetentionCohortGrid data={weeklyByCountry} breakdownValue={value} onBreakdownChange={setValue} />
          <output data-testid="value">{value}</output>
        </>
      );
    }
    render(<Controlled />);
    const tw = groups.find((group) => group.value === 'TW')!;
    expect(sizesShown()).toEqual(sizesOf(tw.cohorts));
    fireEvent.change(screen.getByRole('combobox'), { target: { value: 'PL' } });
    expect(screen.getByTestId('value')).toHaveTextContent('PL');
    expect(screen.getByRole('combobox')).toHaveValue('PL');

    render(<RetentionCohortGrid data={weeklyByCountry} breakdownValue="Atlantis" />);
    expect(screen.getAllByRole('combobox')[1]).toHaveValue('$all');
  });

  it('works from the keyboard: the selector is a tab stop before the grid, arrows change the group', async () => {
    render(<RetentionCohortGrid data={weeklyByCountry} />);
    const select = screen.getByRole('combobox', { name: 'By country' });
    screen.getByRole('button', { name: 'Counts' }).focus();
    await userEvent.tab();
    expect(select).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    expect(select).toHaveValue(String(groups[0]!.value));
    expect(sizesShown()).toEqual(sizesOf(groups[0]!.cohorts));
    await userEvent.tab();
    expect(document.querySelector('[data-cell="0:0"]')).toHaveFocus();
  });

  it('labels the selector in French and Traditional Chinese', () => {
    render(<RetentionCohortGrid data={weeklyByCountry} locale="fr" />);
    const fr = screen.getByRole('combobox', { name: 'Par country' });
    expect(fr.querySelector('option')).toHaveTextContent('Tous');
    expect(fr.querySelector('option:last-child')).toHaveTextContent('(aucun)');
    render(<RetentionCohortGrid data={weeklyByCountry} locale="zh-TW" />);
    const zh = screen.getByRole('combobox', { name: '依 country' });
    expect(zh.querySelector('option')).toHaveTextContent('全部');
    expect(zh.querySelector('option:last-child')).toHaveTextContent('（無）');
  });

  it('is axe clean with a group chosen', async () => {
    const { container } = render(<RetentionCohortGrid data={weeklyByCountry} defaultBreakdownValue="$none" />);
    expect(await axeViolations(container)).toEqual([]);
  });
});
