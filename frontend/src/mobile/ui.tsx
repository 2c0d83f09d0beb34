// The frame every teacher screen shares: the bar with the menu, reminders, language and logout (the
// phone screens have no desktop shell), a title with a back arrow, the offline banner, the queue
// sender, and the gate that loads "my rotation" (or says there is none yet). Its buttons are the light
// ones of controls.tsx (the home's budget).
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ArrowLeftOutlined, CalendarOutlined, CompassOutlined, WifiOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { failureMessage } from '../api/problem';
import type { Rotation } from '../api/types';
import { PageLoading } from '../components/PageLoading';
import { formatDate } from '../lib/format';
import { useCheckinSync } from './checkinSync';
import { MButton } from './controls';
import { MobileBar } from './MobileBar';
import { useMyRotation } from './queries';
import type { Focus } from './rotation';
import './mobile.css';

/** navigator.onLine, kept up to date. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => (typeof navigator === 'undefined' ? true : navigator.onLine));
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

export function MobileScreen({
  title,
  back,
  testId,
  children,
  extra,
}: {
  title: ReactNode;
  /** Where the back arrow goes; none on the home. */
  back?: string;
  testId: string;
  children: ReactNode;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const online = useOnline();
  useCheckinSync();
  return (
    <div className="m-page">
      <MobileBar />
      <div className="m-screen" data-testid={testId}>
        <div className="m-head">
          {back && (
            <MButton type="text" icon={<ArrowLeftOutlined />} aria-label={t('common.back')} onClick={() => void navigate(back)} />
          )}
          <h1>{title}</h1>
          {extra}
        </div>
        {!online && (
          <div className="m-offline" role="status" data-testid="offline-banner">
            <WifiOutlined /> {t('mobile.offline')}
          </div>
        )}
        {children}
      </div>
    </div>
  );
}

export function EmptyState({ icon, title, hint, action }: { icon?: ReactNode; title: ReactNode; hint?: ReactNode; action?: ReactNode }) {
  return (
    <div className="m-card m-empty" data-testid="mobile-empty">
      {icon ?? <CompassOutlined />}
      <p>
        <strong>{title}</strong>
      </p>
      {hint && <p className="m-muted">{hint}</p>}
      {action && <div style={{ marginTop: 16 }}>{action}</div>}
    </div>
  );
}

export function LoadFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="m-card m-empty" role="alert" data-testid="mobile-load-failed">
      <p>
        <strong>{t('errors.loadFailed')}</strong>
      </p>
      <p className="m-muted">{failureMessage(error, t('errors.loadFailed'), t('errors.network'))}</p>
      <MButton className="m-wide" style={{ marginTop: 16 }} onClick={onRetry}>
        {t('common.retry')}
      </MButton>
    </div>
  );
}

/** "2026-09-01 – 2027-01-20" */
export function periodOf(r: Pick<Rotation, 'start_date' | 'end_date'>): string {
  return `${formatDate(r.start_date)} – ${formatDate(r.end_date)}`;
}

/**
 * Loads the teacher's rotations and renders `children` with the one in focus; while loading a
 * spinner, on failure a retry, and when there is none the "your school arranges it" note.
 */
export function RotationGate({ children }: { children: (rotation: Rotation, focus: Focus) => ReactNode }) {
  const { t } = useTranslation();
  const mine = useMyRotation();
  if (mine.isPending) return <PageLoading />;
  if (mine.error) return <LoadFailed error={mine.error} onRetry={() => void mine.refetch()} />;
  if (!mine.picked) {
    return (
      <EmptyState
        title={t('mobile.none.title')}
        hint={mine.unlinked ? t('mobile.none.unlinked') : t('mobile.none.hint')}
        action={
          <Link to="/profile">
            <MButton className="m-wide">{t('mobile.none.profile')}</MButton>
          </Link>
        }
      />
    );
  }
  return <>{children(mine.picked.rotation, mine.picked.focus)}</>;
}

/** A note under a card: information, a warning (amber) or an error (red). */
export function Note({ tone = 'info', children, testId }: { tone?: 'info' | 'warning' | 'error'; children: ReactNode; testId?: string }) {
  return (
    <div className={tone === 'info' ? 'm-note' : `m-note m-note-${tone}`} role={tone === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {children}
    </div>
  );
}

/**
 * A day picker for phones: the phone's own date picker (a native input laid over the field), the day
 * shown as 2026-09-01 with its weekday whatever the phone's locale, and optional one-tap choices.
 * A form control: `id`, `value` (YYYY-MM-DD) and `onChange` come from Form.Item.
 */
export function DateField({
  id,
  value,
  onChange,
  min,
  max,
  quick,
}: {
  id?: string;
  value?: string;
  onChange?: (v: string) => void;
  min?: string;
  max?: string;
  /** One-tap days, e.g. today and yesterday. */
  quick?: { label: string; value: string }[];
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <div>
      <div className="m-date">
        <CalendarOutlined />
        <span data-testid="date-shown">{value ? `${value} ${dayjs(value).format('dddd')}` : '—'}</span>
        <input
          ref={input}
          id={id}
          type="date"
          value={value ?? ''}
          min={min}
          max={max}
          onChange={(e) => onChange?.(e.target.value)}
          onClick={() => {
            try {
              input.current?.showPicker();
            } catch {
              // not supported, or already open: the browser's own behaviour stays
            }
          }}
        />
      </div>
      {quick && quick.length > 0 && (
        <div className="m-row" style={{ marginTop: 8 }}>
          {quick.map((q) => (
            <MButton
              key={q.value}
              type={value === q.value ? 'primary' : 'default'}
              aria-pressed={value === q.value}
              onClick={() => onChange?.(q.value)}
              style={{ minWidth: 88, height: 44 }}
            >
              {q.label}
            </MButton>
          ))}
        </div>
      )}
    </div>
  );
}
