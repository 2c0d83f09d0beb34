import { useState } from 'react';
import { Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { downloadXlsx } from '../api/client';
import { ApiError } from '../api/problem';
import { useFeedback } from '../app/feedback';

/** "Export to Excel": the same list, same filters, as ?format=xlsx, saved as a file. */
export function ExportButton({
  resource,
  params,
  filenameBase,
}: {
  resource: string;
  params: Record<string, string | number | boolean | null | undefined>;
  filenameBase: string;
}) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    try {
      await downloadXlsx(resource, params, `${filenameBase}-${dayjs().format('YYYY-MM-DD')}.xlsx`);
    } catch (e) {
      message.error(e instanceof ApiError && e.problem.detail ? e.problem.detail : t('errors.exportFailed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void onClick()} data-testid="export-xlsx">
      {t('common.exportExcel')}
    </Button>
  );
}
