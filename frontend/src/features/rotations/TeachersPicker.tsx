import { useState, type ReactNode } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTeacherOptions } from '../teachers/queries';

export interface PickedTeacher {
  value: number;
  label: ReactNode;
}

/** Pick several teachers of one school, searching by name; picked names stay shown while searching. */
export function TeachersPicker({
  schoolId,
  value,
  onChange,
  id,
}: {
  schoolId: number | null;
  value?: PickedTeacher[];
  onChange?: (v: PickedTeacher[]) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const options = useTeacherOptions(schoolId, q);
  return (
    <Select<PickedTeacher[]>
      id={id}
      mode="multiple"
      labelInValue
      allowClear
      maxCount={100}
      value={value ?? []}
      onChange={(v) => onChange?.(v)}
      disabled={schoolId === null}
      placeholder={schoolId === null ? t('rotation.form.pickSchoolFirst') : t('rotation.form.teachersPlaceholder')}
      loading={options.isFetching}
      showSearch={{ filterOption: false, onSearch: (s) => setQ(s.trim()) }}
      onBlur={() => setQ('')}
      options={(options.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
      notFoundContent={options.isFetching ? t('common.loading') : t('common.noMatch')}
      style={{ width: '100%' }}
      data-testid="teacher-picker"
    />
  );
}
