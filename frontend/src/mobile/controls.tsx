// The buttons and tags of the phone frame and home (MobileBar, ui.tsx, MobileHome): antd's Button and
// Tag as this theme draws them (mobile.css, .m-btn and .m-tag), without their code — the teacher's
// phone home must load in 200 kB (scripts/budget-lib.mjs), and antd's Button alone is 12 kB gzip.
// The other phone screens keep antd's, which look the same.
import type { ButtonHTMLAttributes, MouseEvent, ReactNode, Ref } from 'react';
import { LoadingOutlined } from '@ant-design/icons';

/** Two Chinese characters, spaced out as antd's Button does ("签 到"; antd 6 then adds no letter spacing,
 * as it looks for them in the already spaced text). */
const TWO_CN_CHARS = /^[\u4E00-\u9FA5]{2}$/;

export type MButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> & {
  ref?: Ref<HTMLButtonElement>;
  type?: 'primary' | 'default' | 'text';
  htmlType?: 'button' | 'submit' | 'reset';
  icon?: ReactNode;
  /** A spinner instead of the icon; clicks are ignored meanwhile. */
  loading?: boolean;
  'data-testid'?: string;
};

export function MButton({ type = 'default', htmlType = 'button', icon, loading = false, className, children, onClick, ...rest }: MButtonProps) {
  const twoChars = typeof children === 'string' && TWO_CN_CHARS.test(children) && !icon && type !== 'text';
  const classes = [
    'm-btn',
    `m-btn-${type}`,
    children === undefined || children === null ? 'm-btn-icon-only' : '',
    loading ? 'm-btn-loading' : '',
    className ?? '',
  ];
  const onClickUnlessLoading = (e: MouseEvent<HTMLButtonElement>) => {
    if (loading) {
      e.preventDefault();
      return;
    }
    onClick?.(e);
  };
  const shownIcon = loading ? <LoadingOutlined /> : icon;
  return (
    <button {...rest} type={htmlType} className={classes.filter(Boolean).join(' ')} onClick={onClickUnlessLoading}>
      {shownIcon && <span className="m-btn-icon">{shownIcon}</span>}
      {typeof children === 'string' ? <span>{twoChars ? children.split('').join(' ') : children}</span> : children}
    </button>
  );
}

export function MTag({ color = 'default', children, ...rest }: { color?: 'default' | 'success' | 'error'; children: ReactNode; 'data-testid'?: string; 'data-status'?: string }) {
  return (
    <span {...rest} className={`m-tag m-tag-${color}`}>
      {children}
    </span>
  );
}
