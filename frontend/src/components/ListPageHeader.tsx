import type { ReactNode } from 'react';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { ExportButton } from './ExportButton';
import { PageHeader } from './PageHeader';

/** A list page's title with "Export to Excel" (same filters) and the page's create button. */
export function ListPageHeader({
  title,
  exportAs,
  create,
}: {
  title: ReactNode;
  exportAs: Parameters<typeof ExportButton>[0];
  create: ReactNode;
}) {
  return (
    <PageHeader
      title={title}
      extra={
        <>
          <ExportButton {...exportAs} />
          {create}
        </>
      }
    />
  );
}

/** The primary "new …" button. */
export function AddButton({ label, testId, onClick }: { label: string; testId: string; onClick?: () => void }) {
  return (
    <Button type="primary" icon={<PlusOutlined />} onClick={onClick} data-testid={testId}>
      {label}
    </Button>
  );
}

/** The primary "new …" button leading to a create page. */
export function CreateLink({ to, label, testId }: { to: string; label: string; testId: string }) {
  return (
    <Link to={to}>
      <AddButton label={label} testId={testId} />
    </Link>
  );
}

/** A table cell linking to the row's page; the click does not also fire the row's own onClick. */
export function RowLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link to={to} onClick={(e) => e.stopPropagation()}>
      {children}
    </Link>
  );
}
