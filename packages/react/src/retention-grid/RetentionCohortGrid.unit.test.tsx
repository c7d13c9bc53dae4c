import { retention, type KpiEvent } from '@kpikit/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { axeViolations } from '../test/axe';
import { RetentionCohortGrid } from './RetentionCohortGrid';

const spaces = (text: string | null | undefined): string => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
const cell = (row: number, column: number) => document.querySelector<HTMLElement>(`[data-cell="${row}:${column}"]`);
const on = (userId: string, accountId: string, day: number): KpiEvent => ({
  userId,
  name: 'open',
  timestamp: Date.UTC(2024, 0, day, 12),
  properties: { accountId },
});

// Al (account a1) starts on Mon Jan 1, Bo (a2) on Jan 2; Am, also of a1, first comes on Jan 9;
// Cy (a3) starts on Jan 10 and is back on Jan 16.
// By account: the week of Jan 1 has a1 and a2 (2 accounts), a1 back in week 1 (Am) → 1 of 2;
// the week of Jan 8 has a3 (1 account), back in its week 1 → 1 of 1.
// Weighted average of week 1: (1 + 1) / (2 + 1) = 67 %, of 3 accounts.
// (By user the cohorts would be {Al, Bo} and {Am, Cy}: 2 and 2 users.)
const events = [on('al', 'a1', 1), on('bo', 'a2', 2), on('am', 'a1', 9), on('cy', 'a3', 10), on('cy', 'a3', 16)];
const options = { period: 'week', periods: 2, from: '2024-01-01', to: '2024-01-21' } as const;
const accounts = retention(events, { ...options, unit: { group: 'accountId' } });
const users = retention(events, options);

const rowHeaders = () => screen.getAllByRole('rowheader').map((th) => spaces(th.textContent));
const meta = () => spaces(document.querySelector('.kpikit-card__meta')?.textContent);

describe('RetentionCohortGrid, by account', () => {
  it('reads the unit of a retention result: cohort sizes, the meta and the tooltips count accounts', async () => {
    const { container } = render(<RetentionCohortGrid data={accounts} />);
    expect(screen.getByRole('figure', { name: 'Retention' })).toHaveAttribute('data-unit', 'account');
    expect(rowHeaders()).toEqual(['Weighted average3 accounts', 'Jan 1, 20242 accounts', 'Jan 8, 20241 account']);
    expect(meta()).toBe('3 accounts');
    expect(cell(1, 1)).toHaveTextContent('50%');
    await userEvent.hover(cell(0, 1)!);
    expect(screen.getByRole('tooltip')).toHaveTextContent('Weighted average, Week 1: 67% of 3 accounts.');
    expect(cell(0, 1)).toHaveAccessibleDescription('Weighted average, Week 1: 67% of 3 accounts.');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('counts comptes in French and 帳戶 in Traditional Chinese', async () => {
    const { container, rerender } = render(<RetentionCohortGrid data={accounts} locale="fr" />);
    expect(rowHeaders()).toEqual(['Moyenne pondérée3 comptes', '1 janv. 20242 comptes', '8 janv. 20241 compte']);
    expect(meta()).toBe('3 comptes');
    await userEvent.hover(cell(0, 1)!);
    expect(spaces(screen.getByRole('tooltip').textContent)).toBe('Moyenne pondérée, Semaine 1 : 67 % de 3 comptes.');
    expect(await axeViolations(container)).toEqual([]);
    rerender(<RetentionCohortGrid data={accounts} locale="zh-TW" />);
    expect(rowHeaders()).toEqual(['加權平均3 個帳戶', '2024年1月1日2 個帳戶', '2024年1月8日1 個帳戶']);
    expect(meta()).toBe('3 個帳戶');
    await userEvent.hover(cell(0, 1)!);
    expect(screen.getByRole('tooltip')).toHaveTextContent('加權平均，第 1 週：3 個帳戶中的 67%。');
    await userEvent.hover(cell(1, 1)!);
    expect(screen.getByRole('tooltip')).toHaveTextContent('2024年1月1日，第 1 週：2 個帳戶中 1 個回訪（50%）。');
    expect(screen.getByRole('button', { name: '帳戶數' })).toBeVisible();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('takes a team’s own noun over the result’s, and users read as before', () => {
    const { rerender } = render(<RetentionCohortGrid data={accounts} unit={{ one: 'workspace', other: 'workspaces' }} />);
    expect(rowHeaders()).toEqual(['Weighted average3 workspaces', 'Jan 1, 20242 workspaces', 'Jan 8, 20241 workspace']);
    rerender(<RetentionCohortGrid data={users} />);
    expect(screen.getByRole('figure', { name: 'Retention' })).toHaveAttribute('data-unit', 'user');
    expect(rowHeaders()).toEqual(['Weighted average4 users', 'Jan 1, 20242 users', 'Jan 8, 20242 users']);
  });

  it('says which cohorts are missing when empty', () => {
    const { rerender } = render(<RetentionCohortGrid data={{ ...accounts, cohorts: [], average: [] }} />);
    expect(screen.getByText('No new accounts in this range')).toBeVisible();
    expect(screen.getByText('Cohorts appear once accounts sign up.')).toBeVisible();
    rerender(<RetentionCohortGrid data={{ ...accounts, cohorts: [], average: [] }} locale="fr" />);
    expect(screen.getByText('Pas de nouveaux comptes sur cette période')).toBeVisible();
  });
});
