// The filters both ledgers share, bound to the URL: the kind, the dates (inclusive), the programme and
// a school (either party of the agreement).
import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FilterSelect } from '../../components/FilterBar';
import type { ResourceList } from '../../components/useResourceList';
import { ProgrammeFilter } from '../programmes/ProgrammeFilter';
import { SchoolFilter } from '../schools/SchoolSelect';

export function LedgerFilters({
  list,
  range,
  kinds,
}: {
  list: Pick<ResourceList, 'state' | 'update' | 'filter'>;
  /** The dates the API was asked for (only valid ones). */
  range: { from?: string; to?: string };
  kinds: { placeholder: string; options: { value: string; label: string }[] };
}) {
  const { t } = useTranslation();
  const { state, update } = list;
  const value: [Dayjs | null, Dayjs | null] | null =
    range.from || range.to ? [range.from ? dayjs(range.from) : null, range.to ? dayjs(range.to) : null] : null;
  return (
    <>
      <FilterSelect placeholder={kinds.placeholder} {...list.filter('kind')} options={kinds.options} testId="ledger-filter-kind" />
      <DatePicker.RangePicker
        format="YYYY-MM-DD"
        value={value}
        allowEmpty={[true, true]}
        placeholder={[t('ledgers.from'), t('ledgers.to')]}
        onChange={(v) => {
          const filters = { ...state.filters };
          delete filters.from;
          delete filters.to;
          if (v?.[0]) filters.from = v[0].format('YYYY-MM-DD');
          if (v?.[1]) filters.to = v[1].format('YYYY-MM-DD');
          update({ filters });
        }}
        style={{ flex: '1 1 260px' }}
        data-testid="ledger-filter-dates"
      />
      <ProgrammeFilter placeholder={t('ledgers.programme')} {...list.filter('programme_id')} testId="ledger-filter-programme" />
      <SchoolFilter placeholder={t('ledgers.school')} {...list.filter('school_id')} />
    </>
  );
}
