// /my/log/new and /my/log/:id/edit — a work-log entry in under a minute: the day (today), the kind
// as big buttons, the periods with − / +, a few words and an optional photo (sent after the entry).
import { useEffect, useState } from 'react';
import { Button, Form, Input } from 'antd';
import { CameraOutlined, DeleteOutlined, MinusOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { failureMessage } from '../api/problem';
import { WORK_LOG_KINDS, type Rotation, type WorkLog, type WorkLogCreate, type WorkLogKind } from '../api/types';
import { useFormErrors } from '../components/useFormErrors';
import { PageLoading } from '../components/PageLoading';
import { changedFields } from '../lib/diff';
import { useFeedback } from '../app/feedback';
import { refusePhoto, shrinkPhoto } from './photo';
import { todayIso, useEditLog, useLogs, useUploadLogPhoto, useWriteLog } from './queries';
import { MAX_DESCRIPTION, MAX_PERIODS } from './limits';
import { DateField, EmptyState, LoadFailed, MobileScreen, Note, RotationGate } from './ui';

interface Values {
  date: string;
  kind: WorkLogKind;
  periods: number;
  description: string;
}
const FIELDS = ['date', 'kind', 'periods', 'description'] as const;

function KindPicker({ value, onChange }: { value?: WorkLogKind; onChange?: (v: WorkLogKind) => void }) {
  const { t } = useTranslation();
  return (
    <div className="m-kinds" role="group" aria-label={t('mobile.log.kind')} data-testid="log-kinds">
      {WORK_LOG_KINDS.map((k) => (
        <Button
          key={k}
          type={value === k ? 'primary' : 'default'}
          aria-pressed={value === k}
          onClick={() => onChange?.(k)}
          data-testid={`log-kind-${k}`}
        >
          {t(`enum.workLogKind.${k}`)}
        </Button>
      ))}
    </div>
  );
}

function PeriodsStepper({ value = 0, onChange }: { value?: number; onChange?: (v: number) => void }) {
  const { t } = useTranslation();
  const set = (v: number) => onChange?.(Math.min(MAX_PERIODS, Math.max(0, v)));
  return (
    <div className="m-stepper" data-testid="log-periods">
      <Button icon={<MinusOutlined />} aria-label={t('mobile.log.fewer')} disabled={value <= 0} onClick={() => set(value - 1)} />
      <output aria-live="polite" data-testid="log-periods-value">
        {value}
      </output>
      <Button icon={<PlusOutlined />} aria-label={t('mobile.log.more')} disabled={value >= MAX_PERIODS} onClick={() => set(value + 1)} />
      <span className="m-muted">{t('mobile.log.periodsUnit')}</span>
    </div>
  );
}

function PhotoPicker({ file, onChange, hasPhoto }: { file: File | null; onChange: (f: File | null) => void; hasPhoto: boolean }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [preview, setPreview] = useState<string | null>(null);
  useEffect(() => {
    if (!file) {
      setPreview(null);
      return;
    }
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);
  return (
    <div>
      <label className="m-pick" data-testid="log-photo-pick">
        <CameraOutlined />
        {file ? t('mobile.log.photoChange') : hasPhoto ? t('mobile.log.photoReplace') : t('mobile.log.photoAdd')}
        <input
          type="file"
          accept="image/*"
          capture="environment"
          className="m-visually-hidden"
          data-testid="log-photo-input"
          onChange={(e) => {
            const picked = e.target.files?.[0] ?? null;
            e.target.value = '';
            if (!picked) return;
            const refused = refusePhoto(picked);
            if (refused) {
              message.error(t(refused === 'type' ? 'mobile.log.photoType' : 'mobile.log.photoSize'));
              return;
            }
            onChange(picked);
          }}
        />
      </label>
      {preview && (
        <div className="m-row" style={{ alignItems: 'flex-end' }}>
          <img src={preview} alt={t('mobile.log.photo')} className="m-photo-preview" style={{ maxWidth: 'calc(100% - 56px)' }} />
          <Button icon={<DeleteOutlined />} aria-label={t('mobile.log.photoRemove')} onClick={() => onChange(null)} style={{ width: 48, height: 48 }} />
        </div>
      )}
    </div>
  );
}

function LogForm({ rotation, log }: { rotation: Rotation; log: WorkLog | null }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const logs = useLogs(rotation.id);
  const write = useWriteLog(rotation.id);
  const edit = useEditLog(rotation.id);
  const upload = useUploadLogPhoto(rotation.id);
  const [photo, setPhoto] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const showErrors = useFormErrors(form, { fields: FIELDS, onReload: () => void logs.refetch() });
  const today = todayIso();
  const yesterday = dayjs(today).subtract(1, 'day').format('YYYY-MM-DD');
  const latest = today < rotation.end_date ? today : rotation.end_date;
  const busy = write.isPending || edit.isPending || upload.isPending;

  const onFinish = async (v: Values) => {
    const body: Required<WorkLogCreate> = { date: v.date, kind: v.kind, periods: v.periods, description: (v.description ?? '').trim() };
    let saved: WorkLog;
    try {
      if (log) {
        const prev: Required<WorkLogCreate> = { date: log.date, kind: log.kind, periods: log.periods, description: log.description };
        const changes = changedFields(prev, body);
        saved = Object.keys(changes).length ? await edit.mutateAsync({ id: log.id, version: log.version, body: changes }) : log;
      } else {
        saved = await write.mutateAsync(body);
      }
    } catch (e) {
      showErrors(e);
      return;
    }
    if (photo) {
      setProgress(0);
      try {
        await upload.mutateAsync({ logId: saved.id, file: await shrinkPhoto(photo), onProgress: setProgress });
      } catch (e) {
        setProgress(null);
        message.error(t('mobile.log.photoFailed', { reason: failureMessage(e, t('errors.saveFailed'), t('errors.network')) }));
        // the entry itself is kept: stay on it so the photo can be sent again
        if (!log) void navigate(`/my/log/${saved.id}/edit`, { replace: true });
        return;
      }
    }
    message.success(t('mobile.log.saved'));
    void navigate('/my/logs');
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      className="m-card m-form"
      data-testid="log-form"
      requiredMark={false}
      initialValues={log ? { date: log.date, kind: log.kind, periods: log.periods, description: log.description } : { date: today, kind: 'lesson', periods: 1, description: '' }}
      onFinish={(v) => void onFinish(v)}
    >
      <Form.Item name="date" label={t('mobile.log.date')} rules={[{ required: true, message: t('validation.required') }]}>
        <DateField
          min={rotation.start_date}
          max={latest}
          quick={[
            { label: t('mobile.date.today'), value: today },
            { label: t('mobile.date.yesterday'), value: yesterday },
          ].filter((q) => q.value >= rotation.start_date && q.value <= latest)}
        />
      </Form.Item>
      <Form.Item name="kind" label={t('mobile.log.kind')} rules={[{ required: true, message: t('validation.required') }]}>
        <KindPicker />
      </Form.Item>
      <Form.Item name="periods" label={t('mobile.log.periods')}>
        <PeriodsStepper />
      </Form.Item>
      <Form.Item name="description" label={t('mobile.log.description')} rules={[{ max: MAX_DESCRIPTION }]}>
        <Input.TextArea rows={4} maxLength={MAX_DESCRIPTION} showCount placeholder={t('mobile.log.descriptionPlaceholder')} />
      </Form.Item>
      <Form.Item label={t('mobile.log.photo')}>
        <PhotoPicker file={photo} onChange={setPhoto} hasPhoto={log?.has_photo ?? false} />
        {progress !== null && (
          <div className="m-progress" role="progressbar" aria-valuenow={progress} aria-valuemin={0} aria-valuemax={100} aria-label={t('mobile.log.uploading')}>
            <span style={{ width: `${progress}%` }} />
          </div>
        )}
      </Form.Item>
      <Button type="primary" htmlType="submit" className="m-big" loading={busy} data-testid="log-save">
        {progress !== null ? t('mobile.log.uploadingPercent', { percent: progress }) : t('common.save')}
      </Button>
    </Form>
  );
}

function EditLog({ rotation, id }: { rotation: Rotation; id: number }) {
  const { t } = useTranslation();
  const logs = useLogs(rotation.id);
  if (logs.isPending) return <PageLoading />;
  if (logs.error) return <LoadFailed error={logs.error} onRetry={() => void logs.refetch()} />;
  const log = logs.data.find((l) => l.id === id);
  if (!log) return <EmptyState title={t('mobile.log.notFound')} />;
  // a newer version (after a reload) starts the form afresh from it
  return <LogForm key={log.version} rotation={rotation} log={log} />;
}

export default function LogFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const logId = id && /^\d+$/.test(id) ? Number(id) : null;
  const isEdit = id !== undefined;
  return (
    <MobileScreen title={isEdit ? t('mobile.log.edit') : t('mobile.log.new')} back={isEdit ? '/my/logs' : '/my'} testId="log-form-page">
      <RotationGate>
        {(rotation) => {
          if (rotation.status !== 'active') return <Note>{t('mobile.log.needsActive')}</Note>;
          if (!isEdit) return <LogForm rotation={rotation} log={null} />;
          if (logId === null) return <EmptyState title={t('mobile.log.notFound')} />;
          return <EditLog rotation={rotation} id={logId} />;
        }}
      </RotationGate>
    </MobileScreen>
  );
}
