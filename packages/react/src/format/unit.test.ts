import { describe, expect, it } from 'vitest';
import { createFormatter } from './formatter';
import { en, enActivation, enAttribution, enStickiness } from './messages/en';
import { fr, frActivation, frAttribution, frStickiness } from './messages/fr';
import { zhTW, zhTWActivation, zhTWAttribution, zhTWStickiness } from './messages/zhTW';
import { resolveUnit } from './unit';

const accounts = { group: 'accountId', groups: 12, ungroupedEvents: 0 };

describe('units', () => {
  it('takes the unit prop first, then the result’s, then users', () => {
    expect(resolveUnit(undefined, undefined)).toBe('user');
    expect(resolveUnit(undefined, accounts)).toBe('account');
    expect(resolveUnit(undefined, { ...accounts, group: 'account_id' })).toBe('account');
    expect(resolveUnit(undefined, { ...accounts, group: 'workspaceId' })).toBe('group');
    const workspaces = { one: 'workspace', other: 'workspaces' };
    expect(resolveUnit(workspaces, accounts)).toBe(workspaces);
    expect(resolveUnit('user', accounts)).toBe('user');
  });

  it('counts each built-in unit in each catalogue language, with its plural and measure word', () => {
    const cases: [string, 'user' | 'account' | 'group', number, string][] = [
      ['en', 'user', 1, '1 user'],
      ['en', 'user', 2, '2 users'],
      ['en', 'account', 0, '0 accounts'],
      ['en', 'account', 1, '1 account'],
      ['en', 'group', 3, '3 groups'],
      ['fr', 'user', 0, '0 utilisateur'],
      ['fr', 'account', 1, '1 compte'],
      ['fr', 'account', 2, '2 comptes'],
      ['fr', 'group', 5, '5 groupes'],
      ['zh-TW', 'user', 2, '2 位用戶'],
      ['zh-TW', 'account', 2, '2 個帳戶'],
      ['zh-TW', 'group', 1, '1 個群組'],
    ];
    for (const [locale, unit, n, text] of cases) {
      expect(createFormatter(locale, undefined, undefined, unit).t('funnel.users', { count: String(n) }, n), `${locale} ${unit} ${n}`).toBe(
        text,
      );
    }
  });

  it('puts the noun in sentences and column headers', () => {
    expect(createFormatter('en', undefined, undefined, 'account').t('retention.empty')).toBe('No new accounts in this range');
    expect(createFormatter('fr', undefined, undefined, 'account').t('funnel.table.users')).toBe('Comptes');
    expect(createFormatter('fr', undefined, undefined, 'account').t('stickiness.empty')).toBe('Aucun compte actif sur cette période');
    expect(createFormatter('zh-TW', undefined, undefined, 'account').t('funnel.emptyHint')).toBe('帳戶完成第一個事件後即會顯示步驟。');
    // The user unit reads as before.
    expect(createFormatter('en').t('stickiness.empty')).toBe('No active users in this period');
    expect(createFormatter('fr').t('funnel.table.users')).toBe('Utilisateurs');
  });

  it('takes a team’s own noun, with the locale’s measure word unless it brings its own', () => {
    const en = createFormatter('en', undefined, undefined, { one: 'workspace', other: 'workspaces' });
    expect(en.unit.kind).toBe('custom');
    expect(en.t('funnel.users', { count: '1' }, 1)).toBe('1 workspace');
    expect(en.t('funnel.users', { count: '4' }, 4)).toBe('4 workspaces');
    expect(en.t('funnel.table.users')).toBe('Workspaces');
    expect(createFormatter('zh-TW', undefined, undefined, { other: '工作區' }).t('retention.users', { count: '4' }, 4)).toBe('4 個工作區');
    expect(createFormatter('zh-TW', undefined, undefined, { other: '成員', measure: '位' }).t('retention.users', { count: '4' }, 4)).toBe(
      '4 位成員',
    );
  });

  it('lets messages rename a built-in noun, and a placeholder of the call win over the unit’s', () => {
    const f = createFormatter('en', { 'noun.account': { one: 'customer', other: 'customers' } }, undefined, 'account');
    expect(f.t('funnel.users', { count: '2' }, 2)).toBe('2 customers');
    // An override written before units existed still reads as written.
    expect(
      createFormatter('en', { 'funnel.users': { one: '{count} person', other: '{count} people' } }, undefined, 'account').t(
        'funnel.users',
        { count: '2' },
        2,
      ),
    ).toBe('2 people');
    expect(createFormatter('en', { 'funnel.empty': 'No {units} yet' }, undefined, 'account').t('funnel.empty', { units: 'teams' })).toBe(
      'No teams yet',
    );
  });

  it('names the unit in every language where English does', () => {
    const namesUnit = (message: unknown) => /\{(unit|units|Units|noun)\}/.test(JSON.stringify(message));
    const sets: readonly (readonly Readonly<Record<string, unknown>>[])[] = [
      [en, fr, zhTW],
      [enStickiness, frStickiness, zhTWStickiness],
      [enAttribution, frAttribution, zhTWAttribution],
      [enActivation, frActivation, zhTWActivation],
    ];
    let named = 0;
    for (const [english, ...others] of sets) {
      const keys = Object.keys(english!).filter((key) => namesUnit(english![key]));
      named += keys.length;
      for (const catalogue of others) for (const key of keys) expect(namesUnit(catalogue[key]), key).toBe(true);
    }
    expect(named).toBeGreaterThan(10);
  });
});
