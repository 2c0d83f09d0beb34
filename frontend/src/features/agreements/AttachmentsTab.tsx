// Signed documents and photos filed under an agreement: list, open, download; parties upload and delete.
import { useState } from 'react';
import { Alert, Button, Empty, Form, Input, List, Modal, Popconfirm, Progress, Select, Space, Tag, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { DeleteOutlined, DownloadOutlined, FileImageOutlined, FilePdfOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { openBlob, saveBlob } from '../../api/client';
import { failureMessage } from '../../api/problem';
import type { Agreement, Attachment } from '../../api/types';
import { useAccess } from '../../app/auth';
import { LoadError } from '../../components/Results';
import { validValues } from '../../components/validValues';
import { formatDate, formatFileSize } from '../../lib/format';
import { useFeedback } from '../../app/feedback';
import { ATTACHMENT_ACCEPT, attachmentProblem, MAX_ATTACHMENT_MB } from './attachmentRules';
import {
  fetchAttachmentContent,
  useActivities,
  useAmendments,
  useAttachments,
  useDeleteAttachment,
  useUploadAttachment,
} from './queries';

/** Activities offered as link targets: the most recent page is plenty for a picker. */
const ACTIVITY_PICK = { limit: 200, offset: 0, sort: '-date', from: undefined, to: undefined };

interface Values {
  files: UploadFile[];
  description: string;
  /** "amendment:5", "activity:7", or empty for the agreement as a whole */
  link?: string;
}

function linkIds(link: string | undefined): { amendmentId: number | null; activityId: number | null } {
  const [kind, id] = (link ?? '').split(':');
  const n = Number(id);
  return {
    amendmentId: kind === 'amendment' && n > 0 ? n : null,
    activityId: kind === 'activity' && n > 0 ? n : null,
  };
}

/** Names of the amendments and activities an attachment may be tied to, for the picker and the badges. */
function useLinkTargets(agreementId: number) {
  const { t } = useTranslation();
  const amendments = useAmendments(agreementId);
  const activities = useActivities(agreementId, ACTIVITY_PICK);
  const amendmentLabel = (id: number) => {
    const m = amendments.data?.find((x) => x.id === id);
    return m ? t('attachment.amendmentTag', { date: formatDate(m.effective_date) }) : t('attachment.amendmentN', { id });
  };
  const activityLabel = (id: number) => {
    const a = activities.data?.items.find((x) => x.id === id);
    return a ? t('attachment.activityTag', { title: a.title || t(`enum.activityKind.${a.kind}`) }) : t('attachment.activityN', { id });
  };
  const options = [
    {
      label: t('attachment.amendments'),
      options: (amendments.data ?? []).map((m) => ({ value: `amendment:${m.id}`, label: amendmentLabel(m.id) })),
    },
    {
      label: t('attachment.activities'),
      options: (activities.data?.items ?? []).map((a) => ({ value: `activity:${a.id}`, label: activityLabel(a.id) })),
    },
  ].filter((g) => g.options.length > 0);
  return { amendmentLabel, activityLabel, options };
}

function UploadModal({ agreement, onClose }: { agreement: Agreement; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<Values>();
  const upload = useUploadAttachment(agreement.id);
  const [percent, setPercent] = useState<number | null>(null);
  const { options } = useLinkTargets(agreement.id);

  const refuse = (file: File): boolean => {
    const problem = attachmentProblem(file);
    if (problem === null) return false;
    const vars = { name: file.name, size: formatFileSize(file.size), mb: MAX_ATTACHMENT_MB };
    const text =
      problem === 'type' ? t('attachment.badType', vars) : problem === 'size' ? t('attachment.tooLarge', vars) : t('attachment.emptyFile', vars);
    message.error(text);
    return true;
  };

  const onOk = async () => {
    const v = await validValues(form);
    if (!v) return;
    const file = v.files[0]?.originFileObj;
    if (!file) return;
    setPercent(0);
    try {
      await upload.mutateAsync({ file, description: (v.description ?? '').trim(), ...linkIds(v.link), onProgress: setPercent });
      message.success(t('attachment.uploaded'));
      onClose();
    } catch (e) {
      setPercent(null);
      message.error(failureMessage(e, t('attachment.uploadFailed'), t('errors.network')));
    }
  };

  return (
    <Modal
      open
      title={t('attachment.uploadTitle')}
      okText={t('attachment.upload')}
      cancelText={t('common.cancel')}
      confirmLoading={upload.isPending}
      onOk={() => void onOk()}
      onCancel={onClose}
      maskClosable={!upload.isPending}
    >
      <Form<Values> form={form} layout="vertical" data-testid="attachment-form" initialValues={{ files: [], description: '' }}>
        <Form.Item
          name="files"
          label={t('attachment.file')}
          valuePropName="fileList"
          getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(-1)}
          extra={t('attachment.fileHelp', { mb: MAX_ATTACHMENT_MB })}
          rules={[{ required: true, type: 'array', min: 1, message: t('attachment.fileRequired') }]}
        >
          <Upload
            accept={ATTACHMENT_ACCEPT}
            maxCount={1}
            // keep the file for the OK button; a wrong one is refused here and never listed
            beforeUpload={(file) => (refuse(file) ? Upload.LIST_IGNORE : false)}
          >
            <Button icon={<UploadOutlined />} data-testid="attachment-pick">
              {t('attachment.pick')}
            </Button>
          </Upload>
        </Form.Item>
        <Form.Item name="description" label={t('attachment.description')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} placeholder={t('attachment.descriptionPlaceholder')} />
        </Form.Item>
        {options.length > 0 && (
          <Form.Item name="link" label={t('attachment.link')} extra={t('attachment.linkHelp')}>
            <Select allowClear placeholder={t('attachment.linkNone')} options={options} />
          </Form.Item>
        )}
      </Form>
      {percent !== null && (
        <div data-testid="attachment-progress">
          <Typography.Text type="secondary">{t('attachment.uploading')}</Typography.Text>
          <Progress percent={percent} size="small" status={percent < 100 ? 'active' : 'normal'} />
        </div>
      )}
    </Modal>
  );
}

function FileIcon({ contentType }: { contentType: string }) {
  return contentType === 'application/pdf' ? <FilePdfOutlined style={{ color: '#cf1322' }} /> : <FileImageOutlined style={{ color: '#1668dc' }} />;
}

export function AttachmentsTab({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const access = useAccess();
  const attachments = useAttachments(agreement.id);
  const remove = useDeleteAttachment(agreement.id);
  const { amendmentLabel, activityLabel } = useLinkTargets(agreement.id);
  const [uploading, setUploading] = useState(false);
  const [fetching, setFetching] = useState<number | null>(null);
  const party = access.isPartyTo(agreement);
  const closed = agreement.status === 'completed' || agreement.status === 'terminated';
  const canManage = party && !closed;

  const withContent = async (a: Attachment, use: (blob: Blob) => void) => {
    setFetching(a.id);
    try {
      use(await fetchAttachmentContent(a.id));
    } catch (e) {
      message.error(failureMessage(e, t('attachment.downloadFailed'), t('errors.network')));
    } finally {
      setFetching(null);
    }
  };
  const download = (a: Attachment) => withContent(a, (blob) => saveBlob(blob, a.filename));
  // PDFs and images show in a new tab; where pop-ups are blocked the file is saved instead
  const open = (a: Attachment) =>
    withContent(a, (blob) => {
      if (!openBlob(blob)) saveBlob(blob, a.filename);
    });

  const onDelete = async (a: Attachment) => {
    try {
      await remove.mutateAsync(a.id);
      message.success(t('attachment.deleted'));
    } catch (e) {
      message.error(failureMessage(e, t('attachment.deleteFailed'), t('errors.network')));
    }
  };

  if (attachments.error) return <LoadError error={attachments.error} onRetry={() => void attachments.refetch()} />;

  const uploadButton = canManage ? (
    <Button type="primary" icon={<UploadOutlined />} onClick={() => setUploading(true)} data-testid="attachment-add">
      {t('attachment.upload')}
    </Button>
  ) : null;

  return (
    <>
      <div className="page-header">
        <Typography.Text type="secondary">{t('attachment.intro')}</Typography.Text>
        {uploadButton}
      </div>
      {party && closed && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('attachment.closed')} />}
      <List<Attachment>
        loading={attachments.isLoading}
        dataSource={attachments.data ?? []}
        rowKey="id"
        data-testid="attachment-list"
        locale={{
          emptyText: (
            <Empty description={canManage ? t('attachment.emptyEditor') : t('attachment.empty')}>{uploadButton}</Empty>
          ),
        }}
        renderItem={(a) => (
          <List.Item data-testid="attachment-item">
            <div style={{ width: '100%', minWidth: 0 }}>
              <Space size={8} align="start">
                <FileIcon contentType={a.content_type} />
                <Typography.Link onClick={() => void open(a)} style={{ wordBreak: 'break-all' }} data-testid="attachment-open">
                  {a.filename}
                </Typography.Link>
              </Space>
              <div>
                <Space size={[8, 4]} wrap>
                  <Typography.Text type="secondary">
                    {formatFileSize(a.size_bytes)} · {formatDate(a.created_at)}
                  </Typography.Text>
                  {a.amendment_id !== null && <Tag color="purple">{amendmentLabel(a.amendment_id)}</Tag>}
                  {a.activity_id !== null && <Tag color="blue">{activityLabel(a.activity_id)}</Tag>}
                </Space>
              </div>
              {a.description && (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>{a.description}</Typography.Paragraph>
              )}
              <Space size={8} wrap style={{ marginTop: 8 }}>
                <Button
                  size="small"
                  icon={<DownloadOutlined />}
                  loading={fetching === a.id}
                  onClick={() => void download(a)}
                  data-testid="attachment-download"
                >
                  {t('attachment.download')}
                </Button>
                {canManage && (
                  <Popconfirm
                    title={t('attachment.deleteTitle')}
                    description={t('attachment.deleteConfirm', { name: a.filename })}
                    okText={t('common.remove')}
                    cancelText={t('common.cancel')}
                    okButtonProps={{ danger: true, loading: remove.isPending }}
                    styles={{ root: { maxWidth: 'min(320px, calc(100vw - 24px))' } }}
                    onConfirm={() => onDelete(a)}
                  >
                    <Button size="small" danger icon={<DeleteOutlined />} data-testid="attachment-delete">
                      {t('common.remove')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            </div>
          </List.Item>
        )}
      />
      {uploading && <UploadModal agreement={agreement} onClose={() => setUploading(false)} />}
    </>
  );
}
