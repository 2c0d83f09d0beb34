// /imports: bulk import (批量导入) of schools, teachers or accounts from an Excel or CSV file. Download
// the template, fill it in, check it (a dry run: every row and column error, nothing saved), then
// import it: every row written at once, or none. The bureau admin imports all three kinds, a school
// admin its own school's teachers. The rules of the steps are in importState.ts.
import { useEffect, useReducer } from 'react';
import { Alert, Button, Card, Grid, Progress, Result, Segmented, Space, Spin, Steps, Tooltip, Typography, Upload } from 'antd';
import { CheckCircleOutlined, CloudUploadOutlined, FileExcelOutlined, FileTextOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { failureMessage } from '../../api/problem';
import type { ImportKind } from '../../api/types';
import { useAccess } from '../../app/auth';
import { DocumentDownloadButton } from '../../components/DocumentDownloadButton';
import { PageHeader } from '../../components/PageHeader';
import { formatFileSize } from '../../lib/format';
import { useFeedback } from '../../app/feedback';
import { checkFile, fetchTemplate, importFile, rejectedReport } from './api';
import {
  IMPORT_ACCEPT,
  LIST_PATHS,
  MAX_FILE_MB,
  ROW_LIMITS,
  canImport,
  countCsvRows,
  fileRefusal,
  importKinds,
  importReducer,
  initialImportState,
  isCsv,
  kindFrom,
  reportOf,
  rowsToImport,
  stepOf,
  type ImportState,
  type Run,
} from './importState';
import { ImportReportView } from './ImportReportView';
import './imports.css';

function HowTo({ state, detailed }: { state: ImportState<File>; detailed: boolean }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const { current, error } = stepOf(state.phase);
  const steps = ['download', 'fill', 'check', 'import'] as const;
  return (
    <Steps
      size="small"
      className="import-steps"
      data-testid="import-howto"
      orientation={screens.sm ? 'horizontal' : 'vertical'}
      current={current}
      status={error ? 'error' : current >= steps.length ? 'finish' : 'process'}
      items={steps.map((s) => ({ title: t(`imports.howTo.${s}`), content: detailed ? t(`imports.howTo.${s}Help`) : undefined }))}
    />
  );
}

function Working({ run, percent, rows }: { run: Run; percent: number; rows: number | null }) {
  const { t } = useTranslation();
  // the file is on its way, then the server reads and checks (or writes) every row
  const text =
    percent < 100
      ? t('imports.uploading')
      : run === 'check'
        ? rows === null
          ? t('imports.checkingFile')
          : t('imports.checkingRows', { count: rows })
        : t('imports.importingRows', { count: rows ?? 0 });
  return (
    <div className="import-working" data-testid="import-working" data-stage={percent < 100 ? 'upload' : 'server'}>
      <Progress percent={percent} size="small" status={percent < 100 ? 'active' : 'normal'} data-testid="import-progress" />
      <Space size={8}>
        {percent >= 100 && <Spin size="small" />}
        <Typography.Text type="secondary">{text}</Typography.Text>
      </Space>
    </div>
  );
}

function ImportArea({ kinds, initialKind }: { kinds: ImportKind[]; initialKind: ImportKind }) {
  const { t } = useTranslation();
  const { modal } = useFeedback();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const access = useAccess();
  const [sp, setSp] = useSearchParams();
  const urlKind = kindFrom(sp.get('kind'), kinds) ?? initialKind;
  const [state, dispatch] = useReducer(importReducer<File>, urlKind, initialImportState<File>);
  const { kind, file, phase } = state;
  const kindLabel = t(`imports.kind.${kind}`);
  const busy = phase.step === 'sending';
  const report = reportOf(phase);
  const importable = canImport(state);
  const toImport = rowsToImport(state);

  // the kind follows the URL (?kind=), so the back button and a shared link keep it
  useEffect(() => {
    dispatch({ type: 'kind', kind: urlKind });
  }, [urlKind]);

  // a CSV's rows are counted here, to say "checking N rows" while the server works
  useEffect(() => {
    if (!file || !isCsv(file)) return;
    let live = true;
    const token = state.token;
    file.text().then(
      (text) => live && dispatch({ type: 'estimated', token, rows: countCsvRows(text) }),
      () => undefined,
    );
    return () => {
      live = false;
    };
    // only a newly chosen file is counted (its token is the one it was chosen under)
  }, [file]);

  const setKind = (k: ImportKind) =>
    setSp(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('kind', k);
        return next;
      },
      { replace: true },
    );

  const choose = (chosen: File) => {
    const reason = fileRefusal(chosen);
    if (reason) dispatch({ type: 'refuse', name: chosen.name, reason });
    else dispatch({ type: 'file', file: chosen });
  };

  const run = async (which: Run) => {
    if (!file) return;
    const { token } = state;
    dispatch({ type: 'send', run: which });
    const onProgress = (percent: number) => dispatch({ type: 'progress', token, percent });
    try {
      if (which === 'check') {
        dispatch({ type: 'checked', token, report: await checkFile(kind, file, onProgress) });
      } else {
        dispatch({ type: 'imported', token, report: await importFile(kind, file, onProgress) });
        // the lists (and anything counting these records) load afresh
        void queryClient.invalidateQueries({ queryKey: [kind] });
      }
    } catch (e) {
      const rejected = which === 'import' ? rejectedReport(e) : null;
      const fallback = t(which === 'check' ? 'imports.checkFailed' : 'imports.importFailed');
      const detail = failureMessage(e, fallback, t('errors.network'));
      if (rejected) dispatch({ type: 'rejected', token, report: rejected, detail });
      else dispatch({ type: 'failed', token, run: which, detail });
    }
  };

  const askImport = () =>
    modal.confirm({
      title: t('imports.confirmTitle'),
      content: t('imports.confirmContent', { count: toImport, kind: kindLabel }),
      okText: t('imports.confirmOk'),
      okButtonProps: { ...{ 'data-testid': 'import-confirm-ok' } },
      cancelText: t('common.cancel'),
      onOk: () => {
        void run('import');
      },
    });

  const templateButton = (format: 'xlsx' | 'csv') => (
    <DocumentDownloadButton
      kind={format}
      fetchFile={() => fetchTemplate(kind, format)}
      fileName={t('imports.templateName', { kind: kindLabel })}
      failed={t('imports.templateFailed')}
      label={t(format === 'xlsx' ? 'imports.templateXlsx' : 'imports.templateCsv')}
      testId={`import-template-${format}`}
    />
  );

  if (phase.step === 'imported') {
    return (
      <Card>
        <Result
          status="success"
          data-testid="import-done"
          title={t('imports.done', { count: phase.report.created, kind: kindLabel })}
          subTitle={t('imports.doneSub')}
          extra={[
            <Button key="list" type="primary" onClick={() => void navigate(LIST_PATHS[kind])} data-testid="import-view-list">
              {t(`imports.viewList.${kind}`)}
            </Button>,
            <Button key="again" onClick={() => dispatch({ type: 'clear' })} data-testid="import-again">
              {t('imports.again')}
            </Button>,
          ]}
        />
      </Card>
    );
  }

  return (
    <Space orientation="vertical" size={16} className="import-area">
      {kinds.length > 1 && (
        <Segmented<ImportKind>
          value={kind}
          onChange={setKind}
          disabled={busy}
          data-testid="import-kind"
          options={kinds.map((k) => ({ value: k, label: <span data-testid={`import-kind-${k}`}>{t(`imports.kind.${k}`)}</span> }))}
        />
      )}
      <Card size="small" title={t(`imports.kindTitle.${kind}`)} data-testid="import-kind-card" data-kind={kind}>
        <Typography.Paragraph>{t(`imports.about.${kind}`)}</Typography.Paragraph>
        {kind === 'teachers' && access.fixedSchoolId !== null && (
          <Typography.Paragraph>{t('imports.aboutOwnSchool')}</Typography.Paragraph>
        )}
        <Typography.Paragraph type="secondary">{t('imports.fileRules', { mb: MAX_FILE_MB, limit: ROW_LIMITS[kind].toLocaleString('en-US') })}</Typography.Paragraph>
        <Space wrap>
          {templateButton('xlsx')}
          {templateButton('csv')}
        </Space>
        <Typography.Paragraph type="secondary" className="import-template-help">
          {t('imports.templateHelp')}
        </Typography.Paragraph>
      </Card>

      <HowTo state={state} detailed={phase.step === 'empty' || phase.step === 'refused'} />

      <div data-testid="import-drop">
        <Upload.Dragger
          // every file reaches beforeUpload (a dropped .xls too), which says why it is refused
          accept={{ format: IMPORT_ACCEPT, filter: 'native' }}
          multiple={false}
          fileList={[]}
          showUploadList={false}
          disabled={busy}
          // the file stays in the browser until "check"
          beforeUpload={(f) => {
            choose(f);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('imports.drop')}</p>
          <p className="ant-upload-hint">{t('imports.dropHint', { mb: MAX_FILE_MB })}</p>
        </Upload.Dragger>
      </div>

      {phase.step === 'refused' && (
        <Alert
          type="error"
          showIcon
          title={t(`imports.refused.${phase.reason}`, { name: phase.name, mb: MAX_FILE_MB })}
          data-testid="import-problem"
        />
      )}

      {file && (
        <div className="import-file" data-testid="import-file">
          <Space size={8} className="import-file-name">
            {isCsv(file) ? <FileTextOutlined /> : <FileExcelOutlined />}
            <Typography.Text strong ellipsis>
              {file.name}
            </Typography.Text>
            <Typography.Text type="secondary" className="import-file-size">
              {formatFileSize(file.size)}
            </Typography.Text>
          </Space>
          <Space wrap className="import-actions">
            <Button
              type={importable ? 'default' : 'primary'}
              icon={<CheckCircleOutlined />}
              loading={busy && phase.run === 'check'}
              disabled={busy}
              onClick={() => void run('check')}
              data-testid="import-check"
            >
              {report || phase.step === 'failed' ? t('imports.recheck') : t('imports.check')}
            </Button>
            <Tooltip title={importable || busy ? undefined : t('imports.importNeedsCheck')}>
              <Button
                type="primary"
                icon={<CloudUploadOutlined />}
                disabled={!importable || busy}
                loading={busy && phase.run === 'import'}
                onClick={askImport}
                data-testid="import-run"
              >
                {importable ? t('imports.import', { count: toImport }) : t('imports.importPlain')}
              </Button>
            </Tooltip>
          </Space>
        </div>
      )}

      {phase.step === 'sending' && <Working run={phase.run} percent={phase.percent} rows={phase.rows} />}

      {phase.step === 'failed' && (
        <Alert
          type="error"
          showIcon
          title={t(phase.run === 'check' ? 'imports.checkFailed' : 'imports.importFailed')}
          description={phase.detail}
          data-testid="import-problem"
        />
      )}

      {phase.step === 'rejected' && (
        <Alert type="error" showIcon title={t('imports.rejectedTitle')} description={phase.detail} data-testid="import-rejected" />
      )}

      {report && <ImportReportView kind={kind} report={report} file={file} />}
    </Space>
  );
}

export default function ImportPage() {
  const { t } = useTranslation();
  const access = useAccess();
  const kinds = importKinds(access.can);
  const first = kinds[0];
  return (
    <div className="import-page">
      <PageHeader title={t('imports.title')} />
      <Typography.Paragraph type="secondary">{t('imports.intro')}</Typography.Paragraph>
      {first ? <ImportArea kinds={kinds} initialKind={first} /> : <Alert type="info" showIcon title={t('imports.nothingToImport')} />}
    </div>
  );
}
