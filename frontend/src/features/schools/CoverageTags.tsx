// The dashboard's coverage filters on the school list (/schools?covered=true&programme_id=3, or
// ?assisted=true&covered=false): shown as tags so the user sees the list is narrowed, each removable.
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ListState } from '../../lib/listState';
import { useProgrammeOptions } from '../programmes/queries';

const COVERAGE = ['assisted', 'covered'] as const;

/** The filters left when one coverage filter goes: the programme only narrows the other one, so it goes with the last. */
export function withoutCoverageFilter(filters: Readonly<Record<string, string>>, name: 'assisted' | 'covered' | 'programme_id'): Record<string, string> {
  const next = { ...filters };
  delete next[name];
  if (!COVERAGE.some((k) => next[k] !== undefined)) delete next.programme_id;
  return next;
}

export function CoverageTags({
  params,
  state,
  update,
}: {
  params: { assisted?: boolean; covered?: boolean; programme_id?: number };
  state: ListState;
  update: (patch: Partial<ListState>) => void;
}) {
  const { t } = useTranslation();
  const { assisted, covered, programme_id: programmeId } = params;
  const programmes = useProgrammeOptions(programmeId !== undefined);
  if (assisted === undefined && covered === undefined) return null;
  const remove = (name: 'assisted' | 'covered' | 'programme_id') => update({ filters: withoutCoverageFilter(state.filters, name) });
  const programme = programmes.data?.find((p) => p.id === programmeId);
  const tag = (name: 'assisted' | 'covered' | 'programme_id', label: string) => (
    <Tag
      key={name}
      color="blue"
      closable
      onClose={(e) => {
        e.preventDefault();
        remove(name);
      }}
      data-testid="school-filter-tag"
      data-filter={name}
    >
      {label}
    </Tag>
  );
  return (
    <Space size={[4, 8]} wrap style={{ marginBottom: 12 }} data-testid="school-coverage-filters">
      <Typography.Text type="secondary">{t('school.coverage.narrowed')}</Typography.Text>
      {assisted !== undefined && tag('assisted', t(assisted ? 'school.coverage.assisted' : 'school.coverage.notAssisted'))}
      {covered !== undefined && tag('covered', t(covered ? 'school.coverage.covered' : 'school.coverage.uncovered'))}
      {programmeId !== undefined &&
        tag('programme_id', t('school.coverage.programme', { name: programme?.name ?? `#${programmeId}` }))}
    </Space>
  );
}
