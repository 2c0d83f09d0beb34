// /meetings: every meeting in scope, on a calendar (default) or as a list (?view=list).
import { Segmented } from 'antd';
import { CalendarOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { MeetingCalendar } from './MeetingCalendar';
import { MeetingList } from './MeetingList';

type View = 'calendar' | 'list';

export default function MeetingsPage() {
  const { t } = useTranslation();
  const [sp, setSp] = useSearchParams();
  const view: View = sp.get('view') === 'list' ? 'list' : 'calendar';

  const setView = (v: View) =>
    setSp(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (v === 'list') next.set('view', 'list');
        else next.delete('view');
        next.delete('page');
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <PageHeader
        title={t('meeting.calendarTitle')}
        extra={
          <Segmented<View>
            value={view}
            onChange={setView}
            data-testid="view-toggle"
            options={[
              { value: 'calendar', icon: <CalendarOutlined />, label: <span data-testid="view-calendar">{t('meeting.viewCalendar')}</span> },
              { value: 'list', icon: <UnorderedListOutlined />, label: <span data-testid="view-list">{t('meeting.viewList')}</span> },
            ]}
          />
        }
      />
      {view === 'calendar' ? <MeetingCalendar /> : <MeetingList />}
    </>
  );
}
