import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, hasHorizontalOverflow } from './support/browser';
import { apiAs, ok } from './support/api';
import { sessionAs } from './support/session';
import { AppShell } from './pages/AppShell';
import { BulletinPage, COUNT_KEYS } from './pages/BulletinPage';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
// the demo county records activities from September to November 2026
const DEMO_MONTHS = ['2026-09', '2026-10', '2026-11'];
// …and none before the school year
const QUIET_MONTH = '2026-07';

type Bulletin = Awaited<ReturnType<typeof bulletinOf>>;

async function bulletinOf(month: string) {
  const api = await apiAs('bureau');
  return ok(await api.GET('/api/v1/reports/bulletin', { params: { query: { month } } }));
}

/** The demo month with the most activities (then the most pairs needing attention), as the API answers it. */
async function busiestMonth(): Promise<Bulletin> {
  const answers = await Promise.all(DEMO_MONTHS.map(bulletinOf));
  const score = (x: Bulletin) => x.counts.activities * 1000 + x.attention.length;
  const best = answers.reduce((a, b) => (score(b) > score(a) ? b : a));
  if (best.counts.activities === 0 || best.highlights.length === 0) throw new Error('the demo data has no activities in September–November 2026');
  return best;
}

/** Last month in the schools' time zone (Asia/Shanghai): the bulletin opened by default. */
function lastMonth(): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).formatToParts(new Date());
  const y = Number(parts.find((p) => p.type === 'year')?.value);
  const m = Number(parts.find((p) => p.type === 'month')?.value);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

afterAll(closeBrowser);

describe('the monthly bulletin (工作简报)', () => {
  it('the bureau reads a month: the figures are the API\'s, the sections link to the agreements', async () => {
    const expected = await busiestMonth();
    const s = await sessionAs('bureau');
    try {
      // reached from the menu; last month opens by default
      await new AppShell(s.page).openMenuItem('menu-bulletin');
      await s.page.waitForURL(/\/reports\/bulletin/);
      const bulletin = new BulletinPage(s.page);
      await bulletin.waitForMonth(lastMonth());

      await bulletin.goto(expected.month);
      const [year, month] = expected.month.split('-').map(Number);
      expect(await bulletin.title.innerText()).toBe(`结对帮扶工作简报 ${year}年${month}月`);
      expect(await bulletin.period.innerText()).toContain(`${expected.from_date} 至 ${expected.to_date}`);

      for (const key of COUNT_KEYS) {
        expect(await bulletin.count(key), key).toBe(expected.counts[key]);
        expect(Number((await bulletin.countText(key)).replace(/,/g, '')), key).toBe(expected.counts[key]);
      }
      const value = Number(expected.counts.donations_value_yuan).toLocaleString('en-US', { minimumFractionDigits: 2 });
      expect(await bulletin.donationsValue.innerText()).toContain(`${value} 元`);

      // only the kinds that took place, with their counts
      const occurred = Object.fromEntries(Object.entries(expected.counts.activities_by_kind).filter(([, n]) => n > 0));
      expect(await bulletin.kindCounts()).toEqual(occurred);

      expect(await bulletin.highlights.count()).toBe(expected.highlights.length);
      const first = expected.highlights[0];
      const firstItem = bulletin.highlights.first();
      expect(await firstItem.innerText()).toContain(first.title);
      expect(await firstItem.innerText()).toContain(first.organizer_school_name);
      expect(await firstItem.getByTestId('bulletin-highlight-link').getAttribute('href')).toBe(`/agreements/${first.agreement_id}`);

      expect(await bulletin.attention.count()).toBe(expected.attention.length);
      if (expected.attention.length === 0) {
        await s.page.getByTestId('bulletin-attention-empty').waitFor();
      } else {
        const pair = expected.attention[0];
        const item = bulletin.attention.first();
        expect(await item.getByTestId('compliance-status').getAttribute('data-status')).toBe(pair.meeting_status);
        expect(await item.getAttribute('data-overdue')).toBe(String(pair.overdue_items));
        expect(await item.getByTestId('bulletin-attention-link').getAttribute('href')).toBe(`/agreements/${pair.agreement_id}`);
      }

      // the month picker's arrows move the month, kept in the URL
      await bulletin.prevMonth.click();
      const before = `${month === 1 ? year - 1 : year}-${String(month === 1 ? 12 : month - 1).padStart(2, '0')}`;
      await s.page.waitForURL(new RegExp(`month=${before}`));
      await bulletin.waitForMonth(before);
      await bulletin.nextMonth.click();
      await bulletin.waitForMonth(expected.month);

      // a month before the demo school year: the empty sections say so
      const quiet = await bulletinOf(QUIET_MONTH);
      await bulletin.goto(QUIET_MONTH);
      expect(await bulletin.count('activities')).toBe(quiet.counts.activities);
      if (quiet.counts.activities === 0) await s.page.getByTestId('bulletin-kinds-empty').waitFor();
      if (quiet.highlights.length === 0) await s.page.getByTestId('bulletin-highlights-empty').waitFor();
      if (quiet.attention.length === 0) await s.page.getByTestId('bulletin-attention-empty').waitFor();
      expect(await bulletin.highlights.count()).toBe(quiet.highlights.length);
      await bulletin.goto(expected.month);

      // a highlight opens its agreement
      await firstItem.getByTestId('bulletin-highlight-link').click();
      await s.page.waitForURL(new RegExp(`/agreements/${first.agreement_id}$`));
    } finally {
      await s.close();
    }
  });

  it('downloads the month as Word and as PDF, and prints without the app shell', async () => {
    const expected = await busiestMonth();
    const s = await sessionAs('bureau');
    try {
      const bulletin = new BulletinPage(s.page);
      await bulletin.goto(expected.month);

      const word = await bulletin.download(bulletin.wordButton, 'docx');
      expect(word.response.status()).toBe(200);
      expect(word.response.headers()['content-type']).toBe(DOCX);
      expect(word.download.suggestedFilename()).toBe(`结对帮扶工作简报-${expected.month}.docx`);
      const docx = await readFile(await word.download.path());
      // a .docx file is a zip archive
      expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');

      const pdf = await bulletin.download(bulletin.pdfButton, 'pdf');
      expect(pdf.response.status()).toBe(200);
      expect(pdf.response.headers()['content-type']).toMatch(/^application\/pdf/);
      expect(pdf.download.suggestedFilename()).toBe(`结对帮扶工作简报-${expected.month}.pdf`);
      const bytes = await readFile(await pdf.download.path());
      expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');

      // printing shows the bulletin alone: no header, menu or buttons
      await s.page.emulateMedia({ media: 'print' });
      expect(await s.page.locator('.ant-layout-header').isVisible()).toBe(false);
      expect(await s.page.locator('.ant-layout-sider').isVisible()).toBe(false);
      expect(await bulletin.printButton.isVisible()).toBe(false);
      expect(await bulletin.monthPicker.isVisible()).toBe(false);
      expect(await bulletin.title.isVisible()).toBe(true);
      expect(await bulletin.highlights.first().isVisible()).toBe(true);
      await s.page.emulateMedia({ media: 'screen' });
    } finally {
      await s.close();
    }
  });

  it('fits a 360-px phone without sideways scrolling', async () => {
    const expected = await busiestMonth();
    const s = await sessionAs('bureau', { width: 360, height: 740 });
    try {
      const bulletin = new BulletinPage(s.page);
      await bulletin.goto(expected.month);
      expect(await hasHorizontalOverflow(s.page)).toBe(false);
      expect(await bulletin.wordButton.isVisible()).toBe(true);
      expect(await bulletin.pdfButton.isVisible()).toBe(true);
      expect(await bulletin.count('activities')).toBe(expected.counts.activities);
      // every section fits the screen's width
      const widest = await s.page.evaluate(() =>
        Math.max(...[...document.querySelectorAll('[data-testid="bulletin"] *')].map((e) => e.getBoundingClientRect().right)),
      );
      expect(widest).toBeLessThanOrEqual(360);
    } finally {
      await s.close();
    }
  });

  it('a school admin reads the bulletin of its own pairs; a teacher cannot open it', async () => {
    const month = (await busiestMonth()).month;
    const api = await apiAs('admin_YX004');
    const own = ok(await api.GET('/api/v1/reports/bulletin', { params: { query: { month } } }));
    const admin = await sessionAs('admin_YX004');
    try {
      const bulletin = new BulletinPage(admin.page);
      await bulletin.goto(month);
      await admin.page.getByTestId('bulletin-scope-school').waitFor();
      for (const key of COUNT_KEYS) expect(await bulletin.count(key), key).toBe(own.counts[key]);
      expect(await bulletin.highlights.count()).toBe(own.highlights.length);
    } finally {
      await admin.close();
    }

    const s = await sessionAs('teacher');
    try {
      await s.page.goto('/reports/bulletin');
      await s.page.locator('.ant-result-403').waitFor();
    } finally {
      await s.close();
    }
  });
});
