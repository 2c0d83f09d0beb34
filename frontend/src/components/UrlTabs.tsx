// A detail page's tabs, the open one kept in the URL (?tab=key, dropped for the first tab) so a link,
// a reload or a reminder can open a tab; an unknown key opens the first. Labels carry `tab-<key>`.
import type { ReactNode } from 'react';
import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';

export interface UrlTab {
  key: string;
  label: string;
  children: ReactNode;
}

export function UrlTabs({ items }: { items: readonly UrlTab[] }) {
  const [sp, setSp] = useSearchParams();
  const first = items[0]?.key;
  const tab = items.find((x) => x.key === sp.get('tab'))?.key ?? first;
  return (
    <Tabs
      activeKey={tab}
      destroyOnHidden
      onChange={(k) => setSp(k === first ? {} : { tab: k }, { replace: true })}
      items={items.map((x) => ({ ...x, label: <span data-testid={`tab-${x.key}`}>{x.label}</span> }))}
    />
  );
}
