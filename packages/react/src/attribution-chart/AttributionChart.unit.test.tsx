import { attribution, type KpiEvent } from '@kpikit/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { axeViolations } from '../test/axe';
import { AttributionChart } from './AttributionChart';

const spaces = (text: string | null | undefined): string => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
const DAY = 86_400_000;
const buy = Date.UTC(2024, 2, 20, 12);
const at = (userId: string, accountId: string, name: string, days: number, source?: string): KpiEvent => ({
  userId,
  name,
  timestamp: buy + days * DAY,
  properties: source ? { accountId, utm_source: source } : { accountId },
});

// Al (account a1) comes from google three days before Am (a1) buys; Bo (a2) comes from google and
// buys, Bi (a2) buys a day later; Cy (a3) buys with no touch.
// By account, each account's first purchase: a1 and a2 after a google touch (one each), a3 with none.
// (By user Am's purchase has no touch of Am's own, and Bi's is a second one of a2.)
const events = [
  at('al', 'a1', 'visit', -3, 'google'),
  at('am', 'a1', 'purchase', 0),
  at('bo', 'a2', 'visit', -2, 'google'),
  at('bo', 'a2', 'purchase', 0),
  at('bi', 'a2', 'purchase', 1),
  at('cy', 'a3', 'purchase', 0),
];
const options = {
  conversion: 'purchase',
  touches: { channel: 'utm_source' },
  models: ['last_touch'],
  from: '2024-03-01',
  to: '2024-03-31',
} as const;
const accounts = attribution(events, { ...options, unit: { group: 'accountId' } });
const teams = attribution(
  events.map((event) => ({ ...event, properties: { ...event.properties, team: event.properties!['accountId']! } })),
  { ...options, unit: { group: 'team' } },
);
const users = attribution(events, options);

const caption = () => spaces(document.querySelector('.kpikit-card__caption')?.textContent);
const readout = () => spaces(document.querySelector('.kpikit-attribution-chart__readout')?.textContent);
const cell = (row: number) => document.querySelector<HTMLElement>(`[data-cell="${row}:0"]`)!;
const reach = () => readout().replace(/^.*\. /, '');

describe('AttributionChart, by account', () => {
  it('reads the unit of an attribution result: the definition and the readout speak of accounts', async () => {
    const { container } = render(<AttributionChart data={accounts} />);
    expect(screen.getByRole('figure', { name: 'Attribution' })).toHaveAttribute('data-unit', 'account');
    expect(document.querySelector('.kpikit-attribution-chart__summary')).toHaveTextContent('3 conversions67% after a touch');
    expect(caption()).toBe(
      'Each conversion’s credit is shared among the touches in the 30 d before it. Each account’s first conversion counts. Arrow keys move between cells.',
    );
    await userEvent.hover(cell(0));
    expect(readout()).toBe(
      'google, Last touch 2 conversions credited (67% of all). 2 accounts converted after a touch on it (2 touches in total).',
    );
    await userEvent.hover(cell(1));
    expect(reach()).toBe('1 account converted with no touch in the 30 d before.');
    expect(screen.getByRole('figure')).toHaveAccessibleDescription(/Each account’s first conversion counts\./);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('counts comptes in French and 帳戶, with their measure word, in Traditional Chinese', async () => {
    const { container, rerender } = render(<AttributionChart data={accounts} locale="fr" />);
    expect(caption()).toContain('On retient la première conversion de chaque compte.');
    await userEvent.hover(cell(0));
    expect(reach()).toBe('Conversions de 2 comptes après un contact sur ce canal (2 contacts au total).');
    await userEvent.hover(cell(1));
    expect(reach()).toBe('Conversions de 1 compte sans aucun contact dans les 30 j précédents.');
    expect(await axeViolations(container)).toEqual([]);

    rerender(<AttributionChart data={accounts} locale="zh-TW" />);
    expect(caption()).toContain('每個帳戶只計首次轉換。');
    await userEvent.hover(cell(0));
    expect(readout()).toMatch(/2 個帳戶在此管道有接觸後轉換（共 2 次接觸）。$/);
    await userEvent.hover(cell(1));
    expect(readout()).toMatch(/1 個帳戶在轉換前 30 天內沒有任何接觸。$/);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('says groups for any other group property, takes a team’s own noun, and users read as before', async () => {
    const { rerender } = render(<AttributionChart data={teams} />);
    expect(screen.getByRole('figure')).toHaveAttribute('data-unit', 'group');
    expect(caption()).toContain('Each group’s first conversion counts.');

    rerender(<AttributionChart data={accounts} unit={{ one: 'workspace', other: 'workspaces' }} />);
    expect(screen.getByRole('figure')).toHaveAttribute('data-unit', 'custom');
    expect(caption()).toContain('Each workspace’s first conversion counts.');
    await userEvent.hover(cell(0));
    expect(reach()).toBe('2 workspaces converted after a touch on it (2 touches in total).');

    rerender(<AttributionChart data={accounts} unit={{ other: '工作區' }} locale="zh-TW" />);
    expect(readout()).toMatch(/2 個工作區在此管道/);

    // Users: Bo's purchase after his google visit; Am, Bi and Cy had no touch of their own.
    rerender(<AttributionChart data={users} />);
    expect(screen.getByRole('figure')).toHaveAttribute('data-unit', 'user');
    expect(caption()).toContain('Each user’s first conversion counts.');
    expect(readout()).toBe(
      'google, Last touch 1 conversion credited (25% of all). 1 user converted after a touch on it (1 touch in total).',
    );
    await userEvent.hover(cell(1));
    expect(reach()).toBe('3 users converted with no touch in the 30 d before.');
    rerender(<AttributionChart data={users} locale="zh-TW" />);
    expect(readout()).toMatch(/3 位用戶在轉換前 30 天內沒有任何接觸。$/);
  });

  it('lets a unit prop win over the result’s', () => {
    render(<AttributionChart data={accounts} unit="user" />);
    expect(screen.getByRole('figure')).toHaveAttribute('data-unit', 'user');
    expect(caption()).toContain('Each user’s first conversion counts.');
  });
});
