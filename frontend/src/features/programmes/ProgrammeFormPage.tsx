import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, InputNumber, Radio, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Programme, ProgrammeCreate } from '../../api/types';
import { BACKBONE_SHARE_BASES, MEETING_CADENCES } from '../../api/types';
import { BackButton } from '../../components/BackButton';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, PageLoading } from '../../components/Results';
import { useFormErrors } from '../../components/useFormErrors';
import { useIdParam } from '../../components/useIdParam';
import { changedFields } from '../../lib/diff';
import { percentFromShare, shareFromPercent } from '../../lib/format';
import { useFeedback } from '../../app/feedback';
import { useCreateProgramme, useProgramme, useUpdateProgramme } from './queries';
import { DEFAULT_WEIGHTS, perCriterion, sameWeights, weightsTotal, weightsValid } from './weights';
import { WeightsInput, type WeightsValue } from './WeightsInput';

interface Values {
  name: string;
  description: string;
  start_date: Dayjs;
  end_date: Dayjs;
  meeting_cadence: Programme['meeting_cadence'];
  min_meetings: number;
  min_rotation_share: number;
  min_backbone_share: number;
  backbone_share_base: Programme['backbone_share_base'];
  rotation_eligibility_years: number;
  required_rural_service_days: number;
  required_weak_service_days: number;
  evaluation_weights: WeightsValue;
}
const FIELDS: readonly (keyof Values)[] = [
  'name',
  'description',
  'start_date',
  'end_date',
  'meeting_cadence',
  'min_meetings',
  'min_rotation_share',
  'min_backbone_share',
  'backbone_share_base',
  'rotation_eligibility_years',
  'required_rural_service_days',
  'required_weak_service_days',
  'evaluation_weights',
];
// a wrong weight is reported on the criterion (loc …evaluation_weights.attitude): show it on the one control
const ALIASES = { attitude: 'evaluation_weights', attendance: 'evaluation_weights', teaching: 'evaluation_weights', results: 'evaluation_weights', contribution: 'evaluation_weights' } as const;

function toBody(v: Values): ProgrammeCreate {
  return {
    name: v.name.trim(),
    description: v.description ?? '',
    start_date: v.start_date.format('YYYY-MM-DD'),
    end_date: v.end_date.format('YYYY-MM-DD'),
    meeting_cadence: v.meeting_cadence,
    min_meetings: v.min_meetings,
    min_rotation_share: shareFromPercent(v.min_rotation_share),
    min_backbone_share: shareFromPercent(v.min_backbone_share),
    backbone_share_base: v.backbone_share_base,
    rotation_eligibility_years: v.rotation_eligibility_years,
    required_rural_service_days: v.required_rural_service_days,
    required_weak_service_days: v.required_weak_service_days,
    evaluation_weights: perCriterion(v.evaluation_weights),
  };
}

function fromProgramme(p: Programme): ProgrammeCreate {
  return {
    name: p.name,
    description: p.description,
    start_date: p.start_date,
    end_date: p.end_date,
    meeting_cadence: p.meeting_cadence,
    min_meetings: p.min_meetings,
    min_rotation_share: shareFromPercent(percentFromShare(p.min_rotation_share) ?? 0),
    min_backbone_share: shareFromPercent(percentFromShare(p.min_backbone_share) ?? 0),
    backbone_share_base: p.backbone_share_base,
    rotation_eligibility_years: p.rotation_eligibility_years,
    required_rural_service_days: p.required_rural_service_days,
    required_weak_service_days: p.required_weak_service_days,
    evaluation_weights: p.evaluation_weights,
  };
}

function toValues(p: Programme): Values {
  return {
    name: p.name,
    description: p.description,
    start_date: dayjs(p.start_date),
    end_date: dayjs(p.end_date),
    meeting_cadence: p.meeting_cadence,
    min_meetings: p.min_meetings,
    min_rotation_share: percentFromShare(p.min_rotation_share) ?? 0,
    min_backbone_share: percentFromShare(p.min_backbone_share) ?? 0,
    backbone_share_base: p.backbone_share_base,
    rotation_eligibility_years: p.rotation_eligibility_years,
    required_rural_service_days: p.required_rural_service_days,
    required_weak_service_days: p.required_weak_service_days,
    evaluation_weights: { ...p.evaluation_weights },
  };
}

/** The rules' defaults (they mirror the national 2014 opinion; each county may change them). */
function defaults(): Partial<Values> {
  const year = dayjs().month() >= 8 ? dayjs().year() + 1 : dayjs().year();
  return {
    description: '',
    start_date: dayjs(`${year}-09-01`),
    end_date: dayjs(`${year + 3}-08-31`),
    meeting_cadence: 'per_year',
    min_meetings: 2,
    min_rotation_share: 10,
    min_backbone_share: 20,
    backbone_share_base: 'rotated',
    rotation_eligibility_years: 6,
    required_rural_service_days: 365,
    required_weak_service_days: 1095,
    evaluation_weights: { ...DEFAULT_WEIGHTS },
  };
}

function ProgrammeForm({ programme, onReload }: { programme: Programme | null; onReload: () => Promise<Programme | undefined> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = useFeedback();
  const [form] = Form.useForm<Values>();
  const [loaded, setLoaded] = useState<Programme | null>(programme);
  const create = useCreateProgramme();
  const update = useUpdateProgramme(programme?.id ?? 0);
  const showErrors = useFormErrors(form, {
    fields: FIELDS,
    aliases: ALIASES,
    conflictField: 'name',
    onReload: async () => {
      const fresh = await onReload();
      if (fresh) {
        setLoaded(fresh);
        form.setFieldsValue(toValues(fresh));
      }
    },
  });
  const required = [{ required: true, message: t('validation.required') }];
  const percent = (v: number | string | undefined) => `${v ?? ''}%`;

  const onFinish = async (values: Values) => {
    try {
      if (loaded) {
        const body = changedFields(fromProgramme(loaded), toBody(values));
        // an object always differs by reference: send the weights only when one of them changed
        if (body.evaluation_weights && sameWeights(body.evaluation_weights, loaded.evaluation_weights)) delete body.evaluation_weights;
        const saved = await update.mutateAsync({ version: loaded.version, body });
        message.success(t('common.saved'));
        void navigate(`/programmes/${saved.id}`);
      } else {
        const saved = await create.mutateAsync(toBody(values));
        message.success(t('common.created'));
        void navigate(`/programmes/${saved.id}`);
      }
    } catch (e) {
      showErrors(e);
    }
  };

  return (
    <Card className="form-narrow">
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={loaded ? toValues(loaded) : defaults()}
        onFinish={(v) => void onFinish(v)}
        data-testid="programme-form"
        scrollToFirstError
      >
        <Form.Item name="name" label={t('programme.name')} rules={[...required, { max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label={t('programme.description')} rules={[{ max: 5000 }]}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item name="start_date" label={t('programme.startDate')} rules={required}>
          <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="end_date"
          label={t('programme.endDate')}
          dependencies={['start_date']}
          rules={[
            ...required,
            ({ getFieldValue }) => ({
              validator: (_r, v: Dayjs | null) => {
                const start = getFieldValue('start_date') as Dayjs | null;
                return !v || !start || v.isAfter(start) ? Promise.resolve() : Promise.reject(new Error(t('validation.endAfterStart')));
              },
            }),
          ]}
        >
          <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="meeting_cadence" label={t('programme.meetingCadence')} rules={required}>
          <Radio.Group options={MEETING_CADENCES.map((c) => ({ value: c, label: t(`enum.meetingCadence.${c}`) }))} />
        </Form.Item>
        <Form.Item name="min_meetings" label={t('programme.minMeetings')} rules={required}>
          <InputNumber min={1} max={12} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="min_rotation_share" label={t('programme.minRotationShare')} extra={t('programme.minRotationShareHelp')} rules={required}>
          <InputNumber min={0} max={100} precision={1} formatter={percent} parser={(v) => Number((v ?? '').replace('%', ''))} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="min_backbone_share" label={t('programme.minBackboneShare')} rules={required}>
          <InputNumber min={0} max={100} precision={1} formatter={percent} parser={(v) => Number((v ?? '').replace('%', ''))} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="backbone_share_base" label={t('programme.backboneShareBase')} rules={required}>
          <Radio.Group options={BACKBONE_SHARE_BASES.map((c) => ({ value: c, label: t(`enum.backboneShareBase.${c}`) }))} />
        </Form.Item>
        <Form.Item name="rotation_eligibility_years" label={t('programme.rotationEligibilityYears')} extra={t('programme.rotationEligibilityHelp')} rules={required}>
          <InputNumber min={0} max={40} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="required_rural_service_days" label={t('programme.requiredRuralServiceDays')} rules={required}>
          <InputNumber min={0} max={3650} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="required_weak_service_days" label={t('programme.requiredWeakServiceDays')} extra={t('programme.serviceDaysHelp')} rules={required}>
          <InputNumber min={0} max={3650} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="evaluation_weights"
          label={t('rotation.weights.title')}
          extra={t('rotation.weights.help')}
          rules={[
            {
              validator: (_r, v: WeightsValue | undefined) =>
                weightsValid(v) ? Promise.resolve() : Promise.reject(new Error(t('rotation.weights.mustTotal', { total: weightsTotal(v) }))),
            },
          ]}
        >
          <WeightsInput />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending} data-testid="submit">
            {loaded ? t('common.save') : t('common.create')}
          </Button>
          <Button onClick={() => void navigate(loaded ? `/programmes/${loaded.id}` : '/programmes')}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}

export default function ProgrammeFormPage() {
  const { t } = useTranslation();
  const id = useIdParam();
  const programme = useProgramme(id);
  const editing = id !== null;

  if (editing && programme.error) return <LoadError error={programme.error} onRetry={() => void programme.refetch()} />;
  if (editing && !programme.data) return <PageLoading />;

  return (
    <>
      <PageHeader
        back={<BackButton to={editing ? `/programmes/${id}` : '/programmes'} />}
        title={editing ? t('programme.editTitle', { name: programme.data?.name ?? '' }) : t('programme.new')}
      />
      <ProgrammeForm key={id ?? 'new'} programme={programme.data ?? null} onReload={async () => (await programme.refetch()).data} />
    </>
  );
}
