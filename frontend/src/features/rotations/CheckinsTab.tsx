// A rotation's daily check-ins, newest first; the ones far from the host school are flagged with the
// distance, so the host school sees them at a glance (and can show only those).
import { useMemo, useState } from 'react';
import { Alert, Empty, List, Space, Switch, Tag, Typography } from 'antd';
import { EnvironmentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CheckIn, Rotation } from '../../api/types';
import { LoadError } from '../../components/Results';
import { formatDate, formatDateTime } from '../../lib/format';
import { useCheckins } from './queries';

export function FlagTag({ checkin }: { checkin: Pick<CheckIn, 'flagged' | 'distance_m'> }) {
  const { t } = useTranslation();
  if (!checkin.flagged) return null;
  return (
    <Tag color="error" icon={<EnvironmentOutlined />} data-testid="checkin-flag">
      {checkin.distance_m === null ? t('rotation.checkins.flaggedNoDistance') : t('rotation.checkins.flaggedTag', { distance: checkin.distance_m })}
    </Tag>
  );
}

export function CheckinsTab({ rotation }: { rotation: Rotation }) {
  const { t } = useTranslation();
  const query = useCheckins(rotation.id);
  const [onlyFlagged, setOnlyFlagged] = useState(false);
  const all = useMemo(
    () => [...(query.data ?? [])].sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id),
    [query.data],
  );
  const flagged = all.filter((c) => c.flagged).length;
  const shown = onlyFlagged ? all.filter((c) => c.flagged) : all;

  if (query.error && !query.data) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;

  return (
    <div data-testid="checkins-tab">
      {flagged > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('rotation.checkins.flaggedAlert', { count: flagged })}
          data-testid="checkins-flagged"
        />
      )}
      <label style={{ display: 'inline-flex', alignItems: 'center', gap: 8, marginBottom: 12 }}>
        <Switch size="small" checked={onlyFlagged} onChange={setOnlyFlagged} data-testid="only-flagged" />
        {t('rotation.checkins.onlyFlagged')}
      </label>
      <List<CheckIn>
        loading={query.isLoading}
        dataSource={shown}
        rowKey="id"
        data-testid="checkin-list"
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={onlyFlagged && all.length > 0 ? t('rotation.checkins.noneFlagged') : t('rotation.checkins.empty')}
            />
          ),
        }}
        pagination={shown.length > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false, align: 'center' } : false}
        renderItem={(c) => (
          <List.Item data-testid="checkin-item" data-flagged={c.flagged} data-date={c.date}>
            <Space orientation="vertical" size={2} style={{ minWidth: 0, width: '100%' }}>
              <Space size={8} wrap>
                <Typography.Text strong>{formatDate(c.date)}</Typography.Text>
                <Typography.Text type="secondary">{t('rotation.checkins.at', { time: formatDateTime(c.checked_in_at).slice(11) })}</Typography.Text>
                <FlagTag checkin={c} />
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('rotation.checkins.distanceLine', {
                  distance: c.distance_m === null ? t('rotation.checkins.noLocation') : t('rotation.checkins.distanceM', { distance: c.distance_m }),
                })}
              </Typography.Text>
              {c.note && <Typography.Text style={{ overflowWrap: 'anywhere' }}>{c.note}</Typography.Text>}
            </Space>
          </List.Item>
        )}
      />
    </div>
  );
}
