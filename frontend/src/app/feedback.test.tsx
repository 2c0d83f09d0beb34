// Messages and dialogs whose antd code loads on first use (feedback.tsx): a call made before it has
// loaded is shown once it has, dialogs too, and a message is still shown when the code cannot load.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

beforeEach(() => {
  vi.resetModules();
});
afterEach(() => {
  cleanup();
  vi.doUnmock('./FeedbackHolders');
  document.body.innerHTML = '';
});

// The first message or dialog waits for antd's code to be transformed and loaded, which took over a second
// on a busy CI machine (findBy*'s default wait); what follows it must then appear within the default.
const LOADING = { timeout: 10_000 };

describe('feedback', () => {
  it("shows a message asked for before antd's code has loaded, then the next ones at once", async () => {
    const { FeedbackHost, useFeedback } = await import('./feedback');
    render(<FeedbackHost />);
    expect(document.querySelector('.ant-message')).toBeNull();
    act(() => useFeedback().message.success('已保存'));
    expect(await screen.findByText('已保存', {}, LOADING)).toBeTruthy();
    act(() => useFeedback().message.error('保存失败'));
    expect(await screen.findByText('保存失败')).toBeTruthy();
  });

  it('opens a confirmation dialog', async () => {
    const { FeedbackHost, useFeedback } = await import('./feedback');
    render(<FeedbackHost />);
    const onOk = vi.fn();
    act(() => useFeedback().modal.confirm({ title: '删除这条记录？', onOk }));
    const dialog = await screen.findByRole('dialog', {}, LOADING);
    expect(dialog.querySelector('.ant-modal-confirm-title')?.textContent).toBe('删除这条记录？');
  });

  it('shows the text as a plain note when the code cannot be loaded, and tries again on the next message', async () => {
    vi.doMock('./FeedbackHolders', () => {
      throw new Error('offline');
    });
    const { FeedbackHost, useFeedback } = await import('./feedback');
    render(<FeedbackHost />);
    act(() => useFeedback().message.error('网络错误'));
    const note = await screen.findByTestId('feedback-fallback');
    expect(note.textContent).toBe('网络错误');
    act(() => useFeedback().message.warning({ content: '稍后再试' }));
    expect(await screen.findByText('稍后再试')).toBeTruthy();
  });
});

describe("antd's App", () => {
  it('is used by FeedbackHolders only: there is no <App> above the pages, so App.useApp() would give nothing', () => {
    const src = resolve(__dirname, '..');
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
    const users = files(src)
      .filter((f) => !f.endsWith('.test.ts') && !f.endsWith('.test.tsx'))
      .filter((f) => {
        const code = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
        return /\bApp\.useApp\(|import \{[^}]*\bApp\b[^}]*\} from 'antd'/.test(code);
      })
      .map((f) => relative(src, f));
    expect(users).toEqual(['app/FeedbackHolders.tsx']);
  });
});
