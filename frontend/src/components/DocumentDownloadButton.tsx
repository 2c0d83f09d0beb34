// A button that fetches a document with the bearer token (minutes, certificates, the bulletin as PDF or
// Word, an import template as Excel or CSV) and saves it as a file; busy while fetching, the server's refusal (or network failure) as a message.
import { useState } from 'react';
import { Button } from 'antd';
import { FileExcelOutlined, FilePdfOutlined, FileTextOutlined, FileWordOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '../api/client';
import { failureMessage } from '../api/problem';
import { useFeedback } from '../app/feedback';

const KINDS = {
  pdf: { extension: 'pdf', icon: <FilePdfOutlined /> },
  docx: { extension: 'docx', icon: <FileWordOutlined /> },
  xlsx: { extension: 'xlsx', icon: <FileExcelOutlined /> },
  csv: { extension: 'csv', icon: <FileTextOutlined /> },
} as const;

export function DocumentDownloadButton({
  fetchFile,
  kind = 'pdf',
  fileName,
  failed,
  label,
  testId,
  block,
  stopPropagation = false,
}: {
  fetchFile: () => Promise<Blob>;
  /** What is fetched: a PDF (default), a Word document, an Excel workbook or a CSV file. */
  kind?: keyof typeof KINDS;
  /** The saved file's name, without the extension. */
  fileName: string;
  /** Said when the server refuses without a detail of its own. */
  failed: string;
  label: string;
  testId: string;
  block?: boolean;
  /** Keep the click from the clickable row or card the button sits in. */
  stopPropagation?: boolean;
}) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      saveBlob(await fetchFile(), `${fileName}.${KINDS[kind].extension}`);
    } catch (e) {
      message.error(failureMessage(e, failed, t('errors.network')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      icon={KINDS[kind].icon}
      loading={busy}
      block={block}
      onClick={(e) => {
        if (stopPropagation) e.stopPropagation();
        void download();
      }}
      data-testid={testId}
    >
      {label}
    </Button>
  );
}
