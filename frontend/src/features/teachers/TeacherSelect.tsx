import { useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTeacherOptions } from './queries';

/** Pick a teacher of one school (searching by name). */
export function TeacherSelect({
  schoolId,
  value,
  onChange,
  id,
}: {
  schoolId: number | null;
  value?: number | null;
  onChange?: (v: number | null) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const options = useTeacherOptions(schoolId, q);
  return (
    <Select<number>
      id={id}
      allowClear
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      disabled={schoolId === null}
      placeholder={schoolId === null ? t('user.pickSchoolFirst') : t('user.pickTeacher')}
      loading={options.isFetching}
      showSearch={{ filterOption: false, onSearch: (s) => setQ(s.trim()) }}
      options={(options.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
      notFoundContent={t('common.noMatch')}
      style={{ width: '100%' }}
    />
  );
}
