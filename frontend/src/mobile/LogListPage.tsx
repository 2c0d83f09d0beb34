// /my/logs — my work-log entries, newest first, with photo thumbnails (loaded when scrolled to).
import { useEffect, useRef, useState, type RefObject } from 'react';
import { Button, Tag } from 'antd';
import { EditOutlined, FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { openBlob } from '../api/client';
import type { Rotation, WorkLog } from '../api/types';
import { PageLoading } from '../components/PageLoading';
import { useFeedback } from '../app/feedback';
import { useLogPhoto, useLogs } from './queries';
import { EmptyState, LoadFailed, MobileScreen, RotationGate } from './ui';

/** True once the element has come near the screen (thumbnails are not fetched before). */
function useSeen<T extends Element>(): [RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || seen) return;
    if (typeof IntersectionObserver === 'undefined') {
      setSeen(true);
      return;
    }
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setSeen(true);
    }, { rootMargin: '200px' });
    io.observe(el);
    return () => io.disconnect();
  }, [seen]);
  return [ref, seen];
}

function Thumb({ log }: { log: WorkLog }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [ref, seen] = useSeen<HTMLButtonElement>();
  const photo = useLogPhoto(log, seen);
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!photo.data) return;
    const href = URL.createObjectURL(photo.data);
    setUrl(href);
    return () => URL.revokeObjectURL(href);
  }, [photo.data]);
  return (
    <button
      ref={ref}
      type="button"
      className="m-thumb"
      data-testid="log-thumb"
      aria-label={t('mobile.log.photoOpen')}
      onClick={() => {
        if (photo.data && !openBlob(photo.data)) message.warning(t('mobile.log.popupBlocked'));
      }}
    >
      {url ? <img src={url} alt={t('mobile.log.photo')} /> : null}
    </button>
  );
}

function Entry({ log, editable }: { log: WorkLog; editable: boolean }) {
  const { t } = useTranslation();
  return (
    <li className="m-card m-entry" data-testid="log-entry" data-id={log.id}>
      <div className="m-entry-body">
        <div className="m-row">
          <strong>{log.date}</strong>
          <span className="m-muted">{dayjs(log.date).format('ddd')}</span>
          <Tag color="blue">{t(`enum.workLogKind.${log.kind}`)}</Tag>
          {log.periods > 0 && <span className="m-muted">{t('mobile.log.periodsCount', { count: log.periods })}</span>}
        </div>
        {log.description && <p className="m-entry-text">{log.description}</p>}
        {editable && (
          <Link to={`/my/log/${log.id}/edit`} data-testid="log-edit">
            <Button type="link" icon={<EditOutlined />} style={{ paddingInline: 0, height: 40 }}>
              {t('common.edit')}
            </Button>
          </Link>
        )}
      </div>
      {log.has_photo && <Thumb log={log} />}
    </li>
  );
}

function Logs({ rotation }: { rotation: Rotation }) {
  const { t } = useTranslation();
  const logs = useLogs(rotation.id);
  const active = rotation.status === 'active';
  if (logs.isPending) return <PageLoading />;
  if (logs.error) return <LoadFailed error={logs.error} onRetry={() => void logs.refetch()} />;
  const sorted = [...logs.data].sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id);
  return (
    <>
      {active && (
        <Link to="/my/log/new">
          <Button type="primary" icon={<PlusOutlined />} className="m-wide" data-testid="log-new">
            {t('mobile.log.new')}
          </Button>
        </Link>
      )}
      {sorted.length === 0 ? (
        <EmptyState icon={<FileTextOutlined />} title={t('mobile.log.empty')} hint={active ? t('mobile.log.emptyHint') : undefined} />
      ) : (
        <ul className="m-list" data-testid="log-list">
          {sorted.map((l) => (
            <Entry key={l.id} log={l} editable={active} />
          ))}
        </ul>
      )}
    </>
  );
}

export default function LogListPage() {
  const { t } = useTranslation();
  return (
    <MobileScreen title={t('mobile.log.list')} back="/my" testId="log-list-page">
      <RotationGate>{(rotation) => <Logs rotation={rotation} />}</RotationGate>
    </MobileScreen>
  );
}
