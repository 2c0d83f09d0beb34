import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, hasHorizontalOverflow, type Session } from './support/browser';
import { sessionAs } from './support/session';
import { AgreementDetailPage, AgreementDocumentsTab, AgreementListPage } from './pages/AgreementPages';

// The demo agreement 城关中学 (YX003) — 三元中学 (YX004) is in force; its supporting school files documents.
const DEMO_TITLE = '城关中学—三元中学结对帮扶协议';
const stamp = Math.floor(Date.now() / 1000);
const pdf = {
  name: `E2E签字协议-${stamp}.pdf`,
  mimeType: 'application/pdf',
  buffer: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
};

/** Open the demo agreement from the list and go to its documents tab. */
async function openDocuments(s: Session): Promise<AgreementDocumentsTab> {
  const list = new AgreementListPage(s.page);
  await list.goto(`?q=${encodeURIComponent(DEMO_TITLE)}`);
  await list.entry(DEMO_TITLE).first().click();
  const detail = new AgreementDetailPage(s.page);
  await detail.waitForStatus('active');
  await detail.openTab('documents');
  const tab = new AgreementDocumentsTab(s.page);
  await tab.list.waitFor();
  return tab;
}

afterAll(closeBrowser);

describe('agreement documents', () => {
  it('a party uploads the signed PDF, sees it listed, and deletes it after confirming', async () => {
    const s = await sessionAs('admin_YX003');
    try {
      const tab = await openDocuments(s);
      await tab.upload(pdf, '双方签字盖章的协议正本');
      const item = tab.item(pdf.name);
      expect(await item.innerText()).toContain('双方签字盖章的协议正本');
      expect(await item.innerText()).toMatch(/\d+\.\d KB/);

      // a file of another type is refused in the browser with a clear message
      await tab.uploadButton.click();
      await tab.pick({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
      await s.page.locator('.ant-message').getByText('notes.txt').waitFor();
      expect(await tab.form.locator('.ant-upload-list-item').count()).toBe(0);
      await s.page.keyboard.press('Escape');
      await tab.form.waitFor({ state: 'hidden' });

      await tab.remove(pdf.name);
      expect(await tab.item(pdf.name).count()).toBe(0);
    } finally {
      await s.close();
    }
  });

  it('a bureau viewer sees the documents but cannot upload or delete', async () => {
    const s = await sessionAs('leader');
    try {
      const tab = await openDocuments(s);
      expect(await tab.uploadButton.count()).toBe(0);
      expect(await s.page.getByTestId('attachment-delete').count()).toBe(0);
    } finally {
      await s.close();
    }
  });

  it('the documents tab fits a 360-px phone', async () => {
    const s = await sessionAs('admin_YX003', { width: 360, height: 740 });
    try {
      const tab = await openDocuments(s);
      await tab.uploadButton.waitFor();
      expect(await hasHorizontalOverflow(s.page)).toBe(false);
    } finally {
      await s.close();
    }
  });
});
