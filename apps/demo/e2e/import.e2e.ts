import { importEvents, type ImportOptions } from '@kpikit/core';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { afterRecompute, dashboardSession } from './support/browser';
import { artifactPath } from './support/artifacts';

const session = dashboardSession();

/** What the import summary shows, by field. */
async function shown(page: Page): Promise<Record<string, string>> {
  const list = page.getByTestId('import-summary');
  const fields = ['format', 'rows', 'events', 'users', 'accounts', 'range', 'properties', 'times'];
  const entries = await Promise.all(
    fields.map(async (f): Promise<[string, string]> => [f, await list.locator(`[data-field="${f}"]`).innerText()]),
  );
  return Object.fromEntries(entries);
}

/** `YYYY-MM-DD hh:mm UTC`, as the summary writes a range's ends. */
const utc = (ms: number): string => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** Sets a file on the picker without waiting for figures (a file may stop for its settings). */
function setFile(page: Page, name: string, mimeType: string, content: string | Buffer): Promise<void> {
  return page
    .locator('input[type="file"]')
    .setInputFiles({ name, mimeType, buffer: typeof content === 'string' ? Buffer.from(content) : content });
}

/** The import settings form. */
const settings = (page: Page) => page.getByTestId('import-settings');

describe('importing analytics exports', () => {
  it('detects an Amplitude export and shows what it read: format, rows, users, accounts, range, properties, the zone assumed', async () => {
    const { page, problems } = session.dashboard;
    const rows = Array.from({ length: 60 }, (_, i) => ({
      user_id: i % 4 === 0 ? null : `user-${i % 9}`,
      device_id: `device-${i % 5}`,
      event_type: ['session_start', 'view_report', 'export'][i % 3],
      event_time: `2024-03-0${1 + (i % 7)} ${String(8 + (i % 10)).padStart(2, '0')}:15:00.000000`,
      event_properties: { plan: i % 2 ? 'pro' : 'free' },
      groups: { company: [`acme-${i % 3}`] },
    }));
    const text = rows.map((row) => JSON.stringify(row)).join('\n');
    await afterRecompute(page, () => setFile(page, 'amplitude-export.json', 'application/json', text));

    const expected = importEvents(rows, { format: 'amplitude' }).summary;
    expect(expected.accounts).toBe(3);
    expect(await shown(page)).toEqual({
      format: expect.stringMatching(/^Amplitude \(detected\)\nWhy: `event_type` names the events; `event_time` times them/) as string,
      rows: '60',
      events: String(expected.events),
      users: String(expected.users),
      accounts: '3 from groups.company',
      range: `${utc(expected.range!.from)} – ${utc(expected.range!.to)}`,
      properties: 'plan, accountId',
      times: 'event_time (local date-time, no offset), read in UTC: assumed, as no zone was given',
    });
    expect(await page.getByTestId('data-summary').locator('span').first().innerText()).toBe(
      `${expected.events} events from ${expected.users} users`,
    );
    expect(problems).toEqual([]);
  });

  it('asks for the zone of local times before reading, then reads them in the zone chosen', async () => {
    const { page } = session.dashboard;
    const csv = [
      'uid,action,time,org',
      'a,login,2024-03-31 02:30:00,o1',
      'a,report,2024-03-31 09:00:00,o1',
      'b,login,2024-10-27 02:30:00,o2',
    ].join('\n');
    const shownBefore = await page.getByTestId('data-summary').locator('strong').innerText();
    await setFile(page, 'local-times.csv', 'text/csv', csv);
    const confirm = page.getByTestId('import-confirm');
    await confirm.waitFor({ timeout: 30_000 });
    expect(await confirm.innerText()).toBe('local-times.csv Its times have no offset. Choose the zone they were written in, then import.');
    // Nothing was read meanwhile: the page still shows the previous file.
    expect(await page.getByTestId('data-summary').locator('strong').innerText()).toBe(shownBefore);
    expect(await settings(page).locator('select[name="user"]').inputValue()).toBe('uid');
    expect(await settings(page).locator('select[name="timeFormat"]').inputValue()).toBe('local');

    await page.locator('.demo-data').screenshot({ path: artifactPath('import-confirm.png') });
    await settings(page).locator('select[name="importTimeZone"]').selectOption('Europe/Paris');
    await afterRecompute(page, () => settings(page).getByRole('button', { name: 'Import with these settings' }).click());
    const options: ImportOptions = {
      format: 'generic',
      timeZone: 'Europe/Paris',
      mapping: { user: ['uid'], name: 'action', time: 'time', timeFormat: 'local', account: 'org', properties: 'rest' },
    };
    const rows = csv
      .split('\n')
      .slice(1)
      .map((line) => {
        const [uid, action, time, org] = line.split(',');
        return { uid, action, time, org };
      });
    const expected = importEvents(rows, options).summary;
    const summary = await shown(page);
    expect(summary.format).toBe(
      "Columns by name (detected)\nWhy: no export format's fields: columns matched by name; user: `uid`; name: `action`; time: `time`; account: `org`; times have no offset: read in UTC unless a zone is given",
    );
    expect(summary.range).toBe(`${utc(expected.range!.from)} – ${utc(expected.range!.to)}`);
    // 02:30 on the spring-forward night is 03:30 CEST, 01:30 UTC.
    expect(summary.range!.startsWith('2024-03-31 01:30 UTC')).toBe(true);
    expect(summary.times).toBe(
      'time (local date-time, no offset), read in Europe/Paris: as chosen\n1 in a DST gap moved forward, 1 repeated at a DST change read as the earlier',
    );
    expect(summary.accounts).toBe('2 from org');
    await page.locator('.demo-data').screenshot({ path: artifactPath('import-summary.png') });
  });

  it('lets the columns be chosen when they cannot be found by name', async () => {
    const { page } = session.dashboard;
    const csv = ['who,what,at_ms,colour', 'a,open,1709284320000,red', 'b,open,1709284380000,blue', 'b,close,1709284440000,'].join('\n');
    await setFile(page, 'odd-columns.csv', 'text/csv', csv);
    await page.getByTestId('import-confirm').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-confirm').innerText()).toBe(
      'odd-columns.csv No column was found for: user, event name, time. Choose them, then import.',
    );
    const form = settings(page);
    expect(await form.getByRole('button', { name: 'Import with these settings' }).isDisabled()).toBe(true);
    await form.locator('select[name="user"]').selectOption('who');
    await form.locator('select[name="name"]').selectOption('what');
    await form.locator('select[name="time"]').selectOption('at_ms');
    await form.locator('select[name="timeFormat"]').selectOption('epoch-milliseconds');
    await afterRecompute(page, () => form.getByRole('button', { name: 'Import with these settings' }).click());
    expect(await shown(page)).toMatchObject({
      format: "Columns by name (detected)\nWhy: no export format's fields: columns matched by name",
      rows: '3',
      events: '3',
      users: '2',
      accounts: '0',
      properties: 'colour',
      times: 'at_ms (epoch milliseconds): each time carries its offset',
    });
  });

  it('reads a Parquet file in the worker', async () => {
    const { page, problems } = session.dashboard;
    const count = 3000;
    const columns = {
      distinct_id: Array.from({ length: count }, (_, i) => `p${i % 40}`),
      event: Array.from({ length: count }, (_, i) => (i % 3 ? '$pageview' : 'signup')),
      timestamp: Array.from({ length: count }, (_, i) => new Date(Date.UTC(2024, 4, 1) + i * 60_000).toISOString()),
      $group_0: Array.from({ length: count }, (_, i) => `org-${i % 4}`),
    };
    const buffer = parquetWriteBuffer({
      columnData: Object.entries(columns).map(([name, data]) => ({ name, data, type: 'STRING' as const })),
      rowGroupSize: 1000,
    });
    await afterRecompute(page, () => setFile(page, 'posthog.parquet', 'application/vnd.apache.parquet', Buffer.from(buffer)));
    expect(await shown(page)).toMatchObject({
      format: expect.stringMatching(/^PostHog \(detected\)/) as string,
      rows: '3,000',
      events: '3,000',
      users: '40',
      accounts: '4 from $group_0',
      range: `${utc(Date.UTC(2024, 4, 1))} – ${utc(Date.UTC(2024, 4, 1) + (count - 1) * 60_000)}`,
    });
    expect(problems).toEqual([]);
  });

  it('shows hostile ids, names and column names as text, never as markup', async () => {
    const { page, problems } = session.dashboard;
    const hostile = '<img src=x onerror=alert(1)>';
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const csv = [
      `user_id,name,timestamp,"${hostile}"`,
      `"${hostile}","${hostile}",2024-05-01T10:00:00Z,"<script>alert(2)</script>"`,
      `u2,"${hostile}",2024-05-01T11:00:00Z,x`,
      `u2,<b>bold</b>,2024-05-01T12:00:00Z,y`,
      `u3,bad,"${hostile}",z`,
    ].join('\n');
    await afterRecompute(page, () => setFile(page, `${hostile}.csv`, 'text/csv', csv));
    expect(await page.getByTestId('data-summary').locator('strong').innerText()).toBe(`${hostile}.csv`);
    expect((await shown(page)).properties).toBe(hostile);
    expect(await page.locator('.kpikit-funnel__name').allInnerTexts()).toContain(hostile);
    expect(await page.getByTestId('row-issues').locator('li').innerText()).toBe(
      `Line 5, timestamp: expected epoch milliseconds or an ISO-8601 date-time with Z or an offset, received "${hostile}"`,
    );
    // Nothing of it became an element or ran.
    expect(await page.locator('img[src="x"], b:text("bold"), script:text("alert")').count()).toBe(0);
    expect(await page.evaluate(() => document.body.innerHTML.includes('<img src=x'))).toBe(false);
    expect(dialogs).toEqual([]);
    await page.screenshot({ path: artifactPath('import-hostile.png'), fullPage: true });
    expect(problems).toEqual([]);
  });
});
