import { useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { intOrUndefined } from '../../lib/listState';
import { useSchool, useSchoolOptions } from './queries';

/** A school picker searching the directory by name; `current` labels a value not in the first page. */
export function SchoolSelect({
  value,
  onChange,
  current,
  disabled,
  allowClear,
  placeholder,
  id,
}: {
  value?: number;
  onChange?: (v: number | undefined) => void;
  current?: { id: number; name: string } | null;
  disabled?: boolean;
  allowClear?: boolean;
  placeholder?: string;
  id?: string;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const options = useSchoolOptions(q, !disabled);
  const list = (options.data ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.code})` }));
  const missing = value !== undefined && value !== null && !list.some((o) => o.value === value);
  // a value outside the loaded options (e.g. the fixed own school) still shows its name
  const single = useSchool(missing && current?.id !== value ? value : null);
  const label = current?.id === value ? current : single.data;
  if (missing && label) list.unshift({ value: label.id, label: label.name });
  return (
    <Select<number>
      id={id}
      value={value}
      onChange={(v) => onChange?.(v)}
      disabled={disabled}
      allowClear={allowClear}
      placeholder={placeholder ?? t('common.searchSchool')}
      loading={options.isFetching}
      showSearch={{ filterOption: false, onSearch: (s) => setQ(s.trim()) }}
      options={list}
      notFoundContent={options.isFetching ? t('common.loading') : t('common.noMatch')}
      style={{ width: '100%' }}
    />
  );
}

/** A list's school filter: the URL keeps the school id as a string. Bind it with `{...list.filter('school_id')}`. */
export function SchoolFilter({
  value,
  onChange,
  placeholder,
}: {
  value: string | undefined;
  onChange: (v?: string) => void;
  placeholder: string;
}) {
  return (
    <SchoolSelect
      allowClear
      value={intOrUndefined(value)}
      placeholder={placeholder}
      onChange={(v) => onChange(v === undefined ? undefined : String(v))}
    />
  );
}
