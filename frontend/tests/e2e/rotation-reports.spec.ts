import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, hasHorizontalOverflow } from './support/browser';
import { sessionAs } from './support/session';
import { AppShell } from './pages/AppShell';
import {
  apiAnswer,
  exportExcel,
  RotationCandidatesPage,
  RotationCompliancePage,
  RotationRosterPage,
  ServiceLedgerPage,
} from './pages/RotationReportPages';

// The demo county: 城关中学 (YX003) supports 三元中学 and 张庄中学 and has active, approved, planned
// and completed rotations; the demo teacher of 云溪县实验小学 (YX002) is on an active dispatch to
// 梓园小学 (YX005). Each figure the pages show is checked against the API answer the page loaded.
const CHENGGUAN = '城关中学';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const today = new Date();
// the school year starts on 1 September
const schoolYear = today.getMonth() >= 8 ? today.getFullYear() : today.getFullYear() - 1;

interface ComplianceRow {
  school_id: number;
  school_name: string;
  gap: number;
  status: string;
  rotated_share: number | null;
}
interface Page<T> {
  items: T[];
  total: number;
}
interface LedgerRow {
  teacher_id: number;
  teacher_name: string;
  completed_rotations: number;
  eligible_for_title: boolean;
}
interface RosterRow {
  id: number;
  teacher_name: string;
  from_school_id: number;
  from_school_name: string;
  to_school_id: number;
  status: string;
  attendance_rate: number | null;
}

async function expectXlsx(download: { path: () => Promise<string>; suggestedFilename: () => string }): Promise<void> {
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const bytes = await readFile(await download.path());
  // an .xlsx file is a zip archive
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
}

afterAll(closeBrowser);

describe('rotation reports', () => {
  it('the bureau sees 城关中学 with its gap and status for the current school year and opens its candidates', async () => {
    const s = await sessionAs('bureau');
    try {
      const compliance = new RotationCompliancePage(s.page);
      const answer = await compliance.goto();
      // no year asked for: the current school year
      expect(new URL(answer.url()).searchParams.get('school_year')).toBe(String(schoolYear));
      const report = (await answer.json()) as { rows: ComplianceRow[]; eligible_since: string; rotation_eligibility_years: number };
      const expected = report.rows.find((r) => r.school_name.includes(CHENGGUAN));
      expect(expected).toBeDefined();
      if (!expected) return;

      // the rule behind the numbers is spelled out
      const rule = await compliance.rule.innerText();
      expect(rule).toContain(report.eligible_since);
      expect(rule).toContain(String(report.rotation_eligibility_years));

      const row = compliance.row(CHENGGUAN);
      await row.waitFor();
      expect(await compliance.gap(row).getAttribute('data-gap')).toBe(String(expected.gap));
      expect((await compliance.gap(row).innerText()).trim()).toBe(String(expected.gap));
      expect(await compliance.status(row).getAttribute('data-status')).toBe(expected.status);
      // "37.5% / 10%": the share against the minimum
      expect(await compliance.share(row).innerText()).toMatch(/%\s*\/\s*\d+(\.\d)?%/);

      // the same year as Excel
      const { response, download } = await exportExcel(s.page, compliance.exportButton, '/api/v1/compliance/rotations');
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toContain(XLSX);
      expect(new URL(response.url()).searchParams.get('school_year')).toBe(String(schoolYear));
      await expectXlsx(download);

      // a click on the school: its eligible teachers not yet rotated, to plan from
      const candidatesAnswer = apiAnswer(s.page, '/api/v1/compliance/rotations/candidates');
      await row.click();
      await s.page.waitForURL(new RegExp(`/compliance/rotations/candidates\\?school_id=${expected.school_id}&school_year=${schoolYear}`));
      const candidates = new RotationCandidatesPage(s.page);
      const page = (await (await candidatesAnswer).json()) as Page<{ id: number }>;
      expect(page.total).toBeGreaterThan(0);
      await candidates.list.locator('tr[data-row-key]').first().waitFor();
      expect(await candidates.rowKeys()).toEqual(page.items.map((t) => String(t.id)));
      expect(await candidates.gapNote.getAttribute('data-gap')).toBe(String(expected.gap));
      expect(await candidates.proposeLink.getAttribute('href')).toBe(`/rotations/new?from_school_id=${expected.school_id}`);
    } finally {
      await s.close();
    }
  });

  it('the service ledger lists those short of the rule in one click, as Excel too, and opens a teacher’s record', async () => {
    const s = await sessionAs('bureau');
    try {
      const shell = new AppShell(s.page);
      const ledger = new ServiceLedgerPage(s.page);
      const first = apiAnswer(s.page, '/api/v1/reports/service-records');
      await shell.openMenuItem('menu-service-ledger');
      await s.page.waitForURL(/\/reports\/service-records$/);
      const all = (await (await first).json()) as Page<LedgerRow>;
      await ledger.list.locator('tr[data-row-key]').first().waitFor();

      const shortAnswer = await ledger.toggleShortOnly();
      expect(new URL(shortAnswer.url()).searchParams.get('eligible')).toBe('false');
      await s.page.waitForURL(/eligible=false/);
      const short = (await shortAnswer.json()) as Page<LedgerRow>;
      expect(short.total).toBeGreaterThan(0);
      expect(short.total).toBeLessThanOrEqual(all.total);
      expect(short.items.every((r) => !r.eligible_for_title)).toBe(true);
      await expect.poll(() => ledger.rowKeys()).toEqual(short.items.map((r) => String(r.teacher_id)));
      const tags = await ledger.list.getByTestId('title-eligibility').evaluateAll((els) => els.map((e) => e.getAttribute('data-eligible')));
      expect(tags.length).toBe(short.items.length);
      expect(tags.every((v) => v === 'false')).toBe(true);

      // Excel of exactly this list
      const { response, download } = await exportExcel(s.page, ledger.exportButton, '/api/v1/reports/service-records');
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toContain(XLSX);
      expect(new URL(response.url()).searchParams.get('eligible')).toBe('false');
      await expectXlsx(download);

      // the teacher with the most rural service (the demo's two completed dispatches: 487 days, so the
      // rule is met) and their record
      const sorted = (await (await ledger.goto('?sort=-rural_service_days')).json()) as Page<LedgerRow>;
      const teacher = sorted.items[0];
      expect(teacher.completed_rotations).toBe(2);
      expect(teacher.eligible_for_title).toBe(true);
      await ledger.openTeacher(teacher.teacher_id);
      expect(await ledger.record.getByTestId('title-eligibility').getAttribute('data-eligible')).toBe('true');
      await ledger.completedRotations().first().waitFor();
      await ledger.archiveRows().first().waitFor();
      expect(await ledger.archiveRows().count()).toBeGreaterThanOrEqual(await ledger.completedRotations().count());

      const [pdf] = await Promise.all([
        s.page.waitForEvent('download'),
        ledger.completedRotations().first().getByTestId('certificate-download').click(),
      ]);
      expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
      expect((await readFile(await pdf.path())).subarray(0, 5).toString('latin1')).toBe('%PDF-');

      const archive = await exportExcel(s.page, ledger.archiveExport(), '/api/v1/rotations/archive');
      expect(new URL(archive.response.url()).searchParams.get('teacher_id')).toBe(String(teacher.teacher_id));
      expect(archive.response.headers()['content-type']).toContain(XLSX);
      await expectXlsx(archive.download);
    } finally {
      await s.close();
    }
  });

  it('梓园小学 sees the demo teacher incoming, with an attendance rate', async () => {
    const s = await sessionAs('admin_YX005');
    try {
      const roster = new RotationRosterPage(s.page);
      const answer = apiAnswer(s.page, '/api/v1/rotations/roster');
      await new AppShell(s.page).openMenuItem('menu-rotation-roster');
      await s.page.waitForURL(/\/rotations\/roster/);
      const response = await answer;
      const page = (await response.json()) as Page<RosterRow>;
      const schoolId = Number(new URL(response.url()).searchParams.get('school_id'));
      const demo = page.items.find((r) => r.from_school_name.includes('实验小学') && r.to_school_id === schoolId && r.status === 'active');
      expect(demo).toBeDefined();
      if (!demo || demo.attendance_rate === null) throw new Error('the demo teacher has no attendance rate');

      await roster.showTab('incoming');
      const row = roster.entry(demo.teacher_name);
      await row.waitFor();
      expect(await row.innerText()).toContain(demo.from_school_name);
      expect(await row.getByTestId('rotation-status').getAttribute('data-status')).toBe('active');
      expect(await row.getByTestId('attendance-rate').getAttribute('data-rate')).toBe(String(Math.round(demo.attendance_rate * 1000) / 10));
      await row.getByTestId('pending-leaves').waitFor();

      // not among the teachers the school sends out
      await roster.showTab('outgoing');
      await roster.list.waitFor();
      expect(await roster.entry(demo.teacher_name).count()).toBe(0);

      // each row leads to the rotation's page
      await roster.showTab('incoming');
      await roster.entry(demo.teacher_name).getByRole('link', { name: demo.teacher_name }).click();
      await s.page.waitForURL(new RegExp(`/rotations/${demo.id}$`));
    } finally {
      await s.close();
    }
  });

  it('the three pages fit a 360-px phone', async () => {
    const s = await sessionAs('bureau', { width: 360, height: 740 });
    try {
      const compliance = new RotationCompliancePage(s.page);
      const report = (await (await compliance.goto()).json()) as { rows: ComplianceRow[] };
      const chengguan = report.rows.find((r) => r.school_name.includes(CHENGGUAN));
      await compliance.row(CHENGGUAN).waitFor();
      expect(await s.page.getByTestId('list-card').count()).toBe(report.rows.length);
      expect(await hasHorizontalOverflow(s.page)).toBe(false);

      const ledger = new ServiceLedgerPage(s.page);
      await ledger.goto('?eligible=false');
      await ledger.rows().first().waitFor();
      expect(await hasHorizontalOverflow(s.page)).toBe(false);

      const roster = new RotationRosterPage(s.page);
      await s.page.goto(`/rotations/roster?school_id=${chengguan?.school_id ?? 0}`);
      await roster.tab('outgoing').waitFor();
      await roster.list.getByTestId('list-card').first().waitFor();
      expect(await hasHorizontalOverflow(s.page)).toBe(false);
    } finally {
      await s.close();
    }
  });
});
