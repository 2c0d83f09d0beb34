// A server-paged list: a sortable table on wide screens, cards on phones.
import type { Key, ReactNode } from 'react';
import { Button, Card, Checkbox, Empty, Grid, List, Table } from 'antd';
import type { TableProps } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import { sortParam, type ListState } from '../lib/listState';

export interface DataListProps<T extends object> {
  rowKey: keyof T & string;
  items: T[];
  total: number;
  loading: boolean;
  state: ListState;
  onChange: (patch: Partial<ListState>) => void;
  columns: NonNullable<TableProps<T>['columns']>;
  renderCard: (item: T) => ReactNode;
  onOpen: (item: T) => void;
  hasFilters: boolean;
  onClearFilters: () => void;
  emptyText: string;
  emptyAction?: ReactNode;
  testId: string;
  /** Optional row selection (checkboxes on table rows and on cards), kept across pages by the caller. */
  selection?: ListSelection<T>;
  /** An optional class for a row (and its card), e.g. to grey out revoked records. */
  rowClassName?: (item: T) => string | undefined;
  /** Optional expandable table rows (a card shows its details itself, in renderCard). */
  expandable?: TableProps<T>['expandable'];
}

export interface ListSelection<T> {
  selected: readonly T[];
  onChange: (selected: T[]) => void;
  /** Rows that cannot be picked get a disabled checkbox. */
  selectable?: (item: T) => boolean;
  /** The checkbox's accessible name. */
  label: string;
}

export function DataList<T extends object>(props: DataListProps<T>) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const { state, onChange, selection } = props;
  const keyOf = (item: T): Key => item[props.rowKey] as Key;
  const selectedKeys = selection ? selection.selected.map(keyOf) : [];
  const toggle = (item: T, on: boolean) => {
    if (!selection) return;
    const rest = selection.selected.filter((x) => keyOf(x) !== keyOf(item));
    selection.onChange(on ? [...rest, item] : rest);
  };

  const empty = props.loading ? (
    <div style={{ height: 120 }} />
  ) : props.hasFilters ? (
    <Empty description={t('common.noMatch')}>
      <Button onClick={props.onClearFilters}>{t('common.clearFilters')}</Button>
    </Empty>
  ) : (
    <Empty description={props.emptyText}>{props.emptyAction}</Empty>
  );

  const pagination = {
    current: state.page,
    pageSize: state.pageSize,
    total: props.total,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    showTotal: (total: number) => t('common.total', { count: total }),
    onChange: (page: number, pageSize: number) =>
      onChange(pageSize !== state.pageSize ? { page: 1, pageSize } : { page }),
  };

  if (!screens.md) {
    return (
      <List<T>
        data-testid={props.testId}
        loading={props.loading}
        dataSource={props.items}
        rowKey={(item) => String(item[props.rowKey] as Key)}
        locale={{ emptyText: empty }}
        pagination={props.total > 0 ? { ...pagination, size: 'small', showSizeChanger: false, align: 'center' } : false}
        renderItem={(item) => (
          <List.Item style={{ padding: '4px 0', borderBlockEnd: 'none' }}>
            <Card
              size="small"
              hoverable
              className={props.rowClassName?.(item)}
              style={{ width: '100%' }}
              onClick={() => props.onOpen(item)}
              data-testid="list-card"
            >
              {selection ? (
                <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                  <Checkbox
                    checked={selectedKeys.includes(keyOf(item))}
                    disabled={selection.selectable ? !selection.selectable(item) : false}
                    onClick={(e) => e.stopPropagation()}
                    onChange={(e) => toggle(item, e.target.checked)}
                    aria-label={selection.label}
                    data-testid="row-select"
                  />
                  <div style={{ flex: 1, minWidth: 0 }}>{props.renderCard(item)}</div>
                </div>
              ) : (
                props.renderCard(item)
              )}
            </Card>
          </List.Item>
        )}
      />
    );
  }

  return (
    <Table<T>
      data-testid={props.testId}
      rowKey={props.rowKey}
      columns={props.columns}
      dataSource={props.items}
      loading={props.loading}
      rowClassName={(item) => props.rowClassName?.(item) ?? ''}
      expandable={props.expandable}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: empty }}
      pagination={props.total > 0 ? pagination : false}
      rowSelection={
        selection
          ? {
              selectedRowKeys: selectedKeys,
              preserveSelectedRowKeys: true,
              getCheckboxProps: (item) => ({
                disabled: selection.selectable ? !selection.selectable(item) : false,
                'aria-label': selection.label,
                'data-testid': 'row-select',
              }),
              onChange: (keys) => {
                // rows picked on other pages are not in `items`: keep them from the current selection
                const known = new Map<Key, T>([...selection.selected, ...props.items].map((x) => [keyOf(x), x]));
                selection.onChange(keys.flatMap((k) => known.get(k) ?? []));
              },
            }
          : undefined
      }
      onRow={(item) => ({ onClick: () => props.onOpen(item), style: { cursor: 'pointer' } })}
      onChange={(_p, _f, sorter, extra) => {
        if (extra.action !== 'sort') return;
        const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<T> | undefined;
        const field = s?.columnKey !== undefined ? String(s.columnKey) : null;
        onChange({ sort: sortParam(field, s?.order ?? null), page: 1 });
      }}
    />
  );
}
