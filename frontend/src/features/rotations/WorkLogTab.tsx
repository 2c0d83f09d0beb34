// The rotated teacher's work log (lessons, open classes, mentoring…), newest first, with photos
// (a thumbnail; a tap shows it large — a plain <img> in a dialog, lighter than antd's Image viewer).
import { useEffect, useState } from 'react';
import { Empty, List, Modal, Skeleton, Space, Tag, Typography } from 'antd';
import { PictureOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Rotation, WorkLog } from '../../api/types';
import { LoadError } from '../../components/Results';
import { formatDate } from '../../lib/format';
import { fetchLogPhoto, useLogs } from './queries';

/** A log photo: fetched with the bearer token into an object URL (released when it leaves the page). */
function LogPhoto({ logId }: { logId: number }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    let href: string | null = null;
    let live = true;
    fetchLogPhoto(logId)
      .then((blob) => {
        if (!live) return;
        href = URL.createObjectURL(blob);
        setUrl(href);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
      if (href) URL.revokeObjectURL(href);
    };
  }, [logId]);
  if (failed) {
    return (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        <PictureOutlined /> {t('rotation.logs.photoFailed')}
      </Typography.Text>
    );
  }
  if (!url) return <Skeleton.Image active style={{ width: 96, height: 72 }} />;
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-label={t('rotation.logs.photo')}
        style={{ padding: 0, border: 0, background: 'none', cursor: 'zoom-in', display: 'block' }}
        data-testid="log-photo"
      >
        <img src={url} alt={t('rotation.logs.photo')} width={96} height={72} style={{ objectFit: 'cover', borderRadius: 4, display: 'block' }} />
      </button>
      <Modal open={open} onCancel={() => setOpen(false)} footer={null} title={t('rotation.logs.photo')} width={720} centered>
        <img src={url} alt={t('rotation.logs.photo')} style={{ width: '100%', height: 'auto', display: 'block' }} />
      </Modal>
    </>
  );
}

export function WorkLogTab({ rotation }: { rotation: Rotation }) {
  const { t } = useTranslation();
  const query = useLogs(rotation.id);
  const logs = [...(query.data ?? [])].sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id);

  if (query.error && !query.data) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;

  return (
    <List<WorkLog>
      loading={query.isLoading}
      dataSource={logs}
      rowKey="id"
      data-testid="log-list"
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rotation.logs.empty')} /> }}
      pagination={logs.length > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false, align: 'center' } : false}
      renderItem={(l) => (
        <List.Item data-testid="log-item">
          <div style={{ display: 'flex', gap: 12, width: '100%', minWidth: 0 }}>
            <Space orientation="vertical" size={2} style={{ flex: 1, minWidth: 0 }}>
              <Space size={8} wrap>
                <Typography.Text strong>{formatDate(l.date)}</Typography.Text>
                <Tag color="blue">{t(`enum.workLogKind.${l.kind}`)}</Tag>
                {l.periods > 0 && <Typography.Text type="secondary">{t('rotation.logs.periods', { count: l.periods })}</Typography.Text>}
              </Space>
              {l.description && (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', marginBottom: 0 }}>
                  {l.description}
                </Typography.Paragraph>
              )}
            </Space>
            {l.has_photo && (
              <div style={{ flex: '0 0 auto' }}>
                <LogPhoto logId={l.id} />
              </div>
            )}
          </div>
        </List.Item>
      )}
    />
  );
}
