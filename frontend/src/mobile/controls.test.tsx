// The phone frame's light button (controls.tsx) behaves as antd's Button does where the screens rely
// on it: two Chinese characters spaced out, clicks ignored while loading, icon-only buttons.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MButton, MTag } from './controls';

afterEach(cleanup);

describe('MButton', () => {
  it('spaces out two Chinese characters, as antd does, but not on text buttons or beside an icon', () => {
    render(
      <>
        <MButton type="primary">签到</MButton>
        <MButton type="text">重试</MButton>
        <MButton icon={<i />}>中文</MButton>
        <MButton>写今天的日志</MButton>
      </>,
    );
    const [primary, text, withIcon, long] = screen.getAllByRole('button');
    expect(primary.textContent).toBe('签 到');
    expect(text.textContent).toBe('重试');
    expect(withIcon.textContent).toBe('中文');
    expect(long.textContent).toBe('写今天的日志');
  });

  it('ignores clicks while loading and shows a spinner instead of the icon', () => {
    const onClick = vi.fn();
    const { rerender } = render(
      <MButton loading icon={<i data-testid="icon" />} onClick={onClick}>
        正在提交…
      </MButton>,
    );
    fireEvent.click(screen.getByRole('button'));
    expect(onClick).not.toHaveBeenCalled();
    expect(screen.queryByTestId('icon')).toBeNull();
    expect(screen.getByRole('button').className).toContain('m-btn-loading');
    rerender(
      <MButton icon={<i data-testid="icon" />} onClick={onClick}>
        签到
      </MButton>,
    );
    fireEvent.click(screen.getByRole('button'));
    expect(onClick).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('icon')).toBeTruthy();
  });

  it('is a plain button (not a submit) unless told, and icon-only without children', () => {
    render(<MButton icon={<i />} aria-label="退出" data-testid="logout" />);
    const button = screen.getByTestId('logout');
    expect(button.getAttribute('type')).toBe('button');
    expect(button.className).toBe('m-btn m-btn-default m-btn-icon-only');
    expect(button.getAttribute('aria-label')).toBe('退出');
  });
});

describe('MTag', () => {
  it('carries its colour and data attributes', () => {
    render(
      <MTag color="success" data-testid="rotation-status" data-status="active">
        交流中
      </MTag>,
    );
    const tag = screen.getByTestId('rotation-status');
    expect(tag.className).toBe('m-tag m-tag-success');
    expect(tag.dataset.status).toBe('active');
  });
});
