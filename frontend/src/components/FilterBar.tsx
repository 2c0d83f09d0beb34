// The row above a list: the search box, the list's filters, and optionally buttons at the end.
import type { ReactNode } from 'react';
import { Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ListState } from '../lib/listState';

export function FilterBar({
  list,
  searchPlaceholder,
  actions,
  children,
}: {
  list: { state: ListState; update: (patch: Partial<ListState>) => void };
  searchPlaceholder: string;
  /** Buttons kept together at the end of the bar (export, add). */
  actions?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const { state, update } = list;
  return (
    <div className="filter-bar">
      <Input.Search
        allowClear
        defaultValue={state.q}
        key={`q-${state.q}`}
        placeholder={searchPlaceholder}
        onSearch={(q) => update({ q: q.trim() })}
        aria-label={t('common.search')}
        data-testid="list-search"
      />
      {children}
      {actions && <Space wrap style={{ flex: '0 0 auto', minWidth: 0 }}>{actions}</Space>}
    </div>
  );
}

/** A clearable drop-down filter; bind it with `{...list.filter('status')}`. */
export function FilterSelect({
  value,
  onChange,
  placeholder,
  options,
  loading,
  showSearch,
  testId,
}: {
  value: string | undefined;
  onChange: (v?: string) => void;
  placeholder: string;
  options: { value: string; label: string }[];
  loading?: boolean;
  showSearch?: boolean;
  testId?: string;
}) {
  return (
    <Select
      allowClear
      showSearch={showSearch}
      placeholder={placeholder}
      value={value}
      loading={loading}
      onChange={(v?: string) => onChange(v)}
      options={options}
      data-testid={testId}
    />
  );
}
