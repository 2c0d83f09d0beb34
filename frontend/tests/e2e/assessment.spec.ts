import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, hasHorizontalOverflow } from './support/browser';
import { apiAs, ok } from './support/api';
import { sessionAs } from './support/session';
import type { DemoUser } from './support/env';
import { AppShell } from './pages/AppShell';
import { AssessmentPage } from './pages/AssessmentPages';

// The demo county has a draft annual assessment for school year 2026 of the demo programme, with the
// standard form: three of its four pairs fully scored, one with no score yet.
const SCHOOL_YEAR = 2026;
const SCHOOL_ADMINS: DemoUser[] = ['admin_YX002', 'admin_YX003', 'admin_YX004', 'admin_YX005', 'admin_YX009', 'admin_YX013'];

async function demoAssessment() {
  const api = await apiAs('bureau');
  const page = ok(await api.GET('/api/v1/assessments', { params: { query: { school_year: SCHOOL_YEAR } } }));
  const found = page.items[0];
  if (!found) throw new Error(`the demo data has no annual assessment for ${SCHOOL_YEAR}`);
  const result = ok(await api.GET('/api/v1/assessments/{assessment_id}/results', { params: { path: { assessment_id: found.id } } }));
  return result;
}

afterAll(closeBrowser);

describe('the annual assessment (年度考核)', () => {
  it('the leader (bureau viewer) reads the draft but cannot edit, score or publish it, also on a phone', async () => {
    const { assessment: a, rows } = await demoAssessment();
    expect(a.status).toBe('draft');
    const s = await sessionAs('leader', { width: 360, height: 780 });
    try {
      const view = new AssessmentPage(s.page);
      await view.goto(a.id);
      await view.rankingRows.first().waitFor();
      expect(await view.rankingRows.count()).toBe(rows.length);
      expect(await view.publishButton.count()).toBe(0);
      expect(await hasHorizontalOverflow(s.page)).toBe(false);

      await view.openTab('scoring');
      await view.sheetReadOnly.waitFor();
      expect(await view.sheetSave.count()).toBe(0);
      expect(await s.page.locator('input.ant-input-number-input').count()).toBe(0);
      expect(await hasHorizontalOverflow(s.page)).toBe(false);

      await view.openTab('form');
      await view.formItems.waitFor();
      expect(await view.formEditor.count()).toBe(0);
      expect(await s.page.getByTestId('item-add').count()).toBe(0);
      expect(await view.formItems.locator('tbody tr.ant-table-row').count()).toBe(a.items.length);
    } finally {
      await s.close();
    }
  });

  it('the bureau scores the last pair, is refused publication before, publishes after', async () => {
    const { assessment: a, rows } = await demoAssessment();
    const open = rows.filter((r) => !r.complete);
    expect(rows.length).toBe(4);
    expect(open.length).toBe(1);
    const pair = open[0];
    const manual = a.items.filter((i) => i.source === 'manual');

    const s = await sessionAs('bureau');
    try {
      // from the menu: the list, then the assessment
      await new AppShell(s.page).openMenuItem('menu-assessments');
      await s.page.waitForURL(/\/assessments$/);
      await s.page.getByTestId('assessment-list').getByText(a.title).click();
      await s.page.waitForURL(new RegExp(`/assessments/${a.id}`));
      const view = new AssessmentPage(s.page);
      await view.waitForStatus('draft');
      expect(await view.status.innerText()).toBe('草稿');

      // one pair is not scored: publishing is refused with the server's reason
      await view.confirmPublish();
      await view.publishError.waitFor();
      expect(await view.publishError.innerText()).toContain('还有 1 对');
      await view.closeDialog();
      await view.waitForStatus('draft');

      // the scoring tab opens on the pair still to score
      await view.openTab('scoring');
      await view.sheetForm.waitFor();
      expect(await view.pairs.first().getAttribute('data-agreement')).toBe(String(pair.agreement_id));
      expect(await view.pair(pair.agreement_id).getAttribute('data-complete')).toBe('false');
      expect(await view.sheetForm.getAttribute('data-agreement')).toBe(String(pair.agreement_id));
      const items = view.manualItems();
      expect(await items.count()).toBe(manual.length);
      for (let i = 0; i < manual.length; i += 1) {
        const item = items.nth(i);
        await view.pointsInput(item).fill(String(Number(manual[i].max_points) - 2));
        await view.commentInput(item).fill(`督导意见 ${i + 1}`);
      }
      await s.page.getByTestId('sheet-remarks').fill('资料齐全，按计划推进。');
      const saved = s.page.waitForResponse(
        (r) => r.request().method() === 'PUT' && new URL(r.url()).pathname === `/api/v1/assessments/${a.id}/sheets/${pair.agreement_id}`,
      );
      await view.sheetSave.click();
      expect((await saved).status()).toBe(200);
      await s.page.locator(`[data-testid="scoring-pair"][data-agreement="${pair.agreement_id}"][data-complete="true"]`).waitFor();
      await s.page.locator('.ant-message').getByText('全部结对已完成评分').waitFor();

      // the API agrees: every pair is fully scored, with the points typed
      const after = await demoAssessment();
      expect(after.summary.complete).toBe(4);
      const row = after.rows.find((r) => r.agreement_id === pair.agreement_id);
      expect(row?.items.filter((x) => !x.auto).map((x) => Number(x.points))).toEqual(manual.map((m) => Number(m.max_points) - 2));
      expect(row?.remarks).toBe('资料齐全，按计划推进。');

      // now it publishes; the scores are locked and the actions are gone
      await view.confirmPublish();
      await view.waitForStatus('published');
      expect(await view.status.innerText()).toBe('已发布');
      expect(await view.publishButton.count()).toBe(0);
      expect(await view.sheetSave.count()).toBe(0);
      await view.sheetReadOnly.waitFor();
      expect(await s.page.getByTestId('tab-scoring').innerText()).toBe('评分明细');
      await view.openTab('form');
      await view.formItems.waitFor();
      expect(await view.formEditor.count()).toBe(0);

      // the ranking shows the four pairs, rank 1 first, with the chart
      await view.openTab('ranking');
      await view.rankingRows.first().waitFor();
      expect(await view.rankingRows.count()).toBe(4);
      await view.rankingChart.locator('canvas').waitFor();
      const published = await demoAssessment();
      expect(published.assessment.status).toBe('published');
      expect(await view.rankingRows.first().getAttribute('data-agreement')).toBe(String(published.rows[0].agreement_id));
      expect(await s.page.getByTestId('summary-complete').innerText()).toContain('4 / 4');

      // the ranking as Excel, with the token
      const file = await view.downloadResults(a.id);
      expect(file.response.status()).toBe(200);
      expect(file.response.headers()['content-type']).toContain('spreadsheetml');
      expect(file.download.suggestedFilename()).toMatch(/\.xlsx$/);
    } finally {
      await s.close();
    }
  });

  it("a school admin sees the published result of its own pairs only, on a phone", async () => {
    const { assessment: a } = await demoAssessment();
    expect(a.status).toBe('published');
    let user: DemoUser | null = null;
    let expected = 0;
    for (const candidate of SCHOOL_ADMINS) {
      const api = await apiAs(candidate);
      const result = await api.GET('/api/v1/assessments/{assessment_id}/results', { params: { path: { assessment_id: a.id } } });
      const rows = result.data?.rows.length ?? 0;
      if (rows > 0) {
        user = candidate;
        expected = rows;
        break;
      }
    }
    if (!user) throw new Error('no demo school admin has a pair in the assessment');
    const s = await sessionAs(user, { width: 360, height: 780 });
    try {
      await new AppShell(s.page).openMenuItem('menu-assessments');
      await s.page.getByTestId('assessment-card').filter({ hasText: a.title }).click();
      const view = new AssessmentPage(s.page);
      await view.waitForStatus('published');
      await view.rankingRows.first().waitFor();
      expect(await view.rankingRows.count()).toBe(expected);
      expect(await view.publishButton.count()).toBe(0);
      expect(await hasHorizontalOverflow(s.page)).toBe(false);
    } finally {
      await s.close();
    }
  });
});
