// /rotations/new: one plan for one or several teachers of the home school (all proposed, or none).
import { useEffect, useMemo } from 'react';
import { Button, Card, DatePicker, Form, InputNumber, Radio, Segmented, Select, Space, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { RotationBulkCreate, RotationDirection, RotationKind, Term } from '../../api/types';
import { ROTATION_DIRECTIONS, ROTATION_KINDS, SUBJECTS, TERMS } from '../../api/types';
import { useAccess } from '../../app/auth';
import { BackButton } from '../../components/BackButton';
import { differentFrom } from '../../components/formRules';
import { PageHeader } from '../../components/PageHeader';
import { useFormErrors } from '../../components/useFormErrors';
import { schoolYearOptions } from '../agreements/labels';
import { SchoolSelect } from '../schools/SchoolSelect';
import { subjectLabel } from '../teachers/labels';
import { useFeedback } from '../../app/feedback';
import { agreementsBetween, directionFor, nextTerm } from './labels';
import { useActiveAgreementsOf, useProposeRotations } from './queries';
import { TeachersPicker, type PickedTeacher } from './TeachersPicker';

type PeriodMode = 'term' | 'dates';

interface Values {
  from_school_id: number;
  to_school_id: number;
  agreement_id: number | null;
  direction: RotationDirection;
  kind: RotationKind;
  teacher_ids: PickedTeacher[];
  subjects: string[];
  period_mode: PeriodMode;
  term: Term;
  school_year: number;
  period: [Dayjs, Dayjs] | null;
  weekly_periods: number;
  personnel_moved: boolean;
  living_allowance_yuan: number;
  transport_allowance_yuan: number;
}

const FIELDS = [
  'from_school_id',
  'to_school_id',
  'agreement_id',
  'direction',
  'kind',
  'teacher_ids',
  'subjects',
  'term',
  'school_year',
  'period',
  'weekly_periods',
  'personnel_moved',
  'living_allowance_yuan',
  'transport_allowance_yuan',
] as const;
// the server names one teacher's problem `teacher_id`, and the dates separately
const ALIASES = { teacher_id: 'teacher_ids', start_date: 'period', end_date: 'period' } as const;

const money = (v: number | null | undefined): string => (v ?? 0).toFixed(2);

function toBody(v: Values): RotationBulkCreate {
  const byTerm = v.period_mode === 'term';
  return {
    from_school_id: v.from_school_id,
    to_school_id: v.to_school_id,
    agreement_id: v.agreement_id ?? null,
    direction: v.direction,
    kind: v.kind,
    teacher_ids: v.teacher_ids.map((x) => x.value),
    subjects: v.subjects ?? [],
    term: byTerm ? v.term : null,
    school_year: byTerm ? v.school_year : null,
    start_date: !byTerm && v.period ? v.period[0].format('YYYY-MM-DD') : null,
    end_date: !byTerm && v.period ? v.period[1].format('YYYY-MM-DD') : null,
    weekly_periods: v.weekly_periods ?? 0,
    personnel_moved: v.personnel_moved ?? false,
    living_allowance_yuan: money(v.living_allowance_yuan),
    transport_allowance_yuan: money(v.transport_allowance_yuan),
  };
}

export default function RotationFormPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const access = useAccess();
  const { message } = useFeedback();
  const [form] = Form.useForm<Values>();
  const propose = useProposeRotations();
  const showErrors = useFormErrors(form, { fields: FIELDS, aliases: ALIASES, conflictField: 'teacher_ids' });
  const fromId = Form.useWatch('from_school_id', form) as number | undefined;
  const toId = Form.useWatch('to_school_id', form) as number | undefined;
  const agreementId = Form.useWatch('agreement_id', form) as number | null | undefined;
  const mode = (Form.useWatch('period_mode', form) as PeriodMode | undefined) ?? 'term';
  const agreements = useActiveAgreementsOf(fromId);
  const between = useMemo(() => agreementsBetween(agreements.data ?? [], fromId, toId), [agreements.data, fromId, toId]);
  const picked = between.find((a) => a.id === agreementId);
  const years = useMemo(() => schoolYearOptions(new Date(), 1, 2), []);
  const suggested = useMemo(() => nextTerm(new Date()), []);
  const required = [{ required: true, message: t('validation.required') }];

  // an agreement fixes the direction from its sides; one no longer between the schools is dropped
  useEffect(() => {
    if (agreementId === null || agreementId === undefined || agreements.isFetching) return;
    if (!picked) {
      form.setFieldValue('agreement_id', null);
      return;
    }
    const direction = directionFor(picked, fromId);
    if (direction && form.getFieldValue('direction') !== direction) form.setFieldValue('direction', direction);
  }, [agreementId, picked, fromId, agreements.isFetching, form]);

  const onFinish = async (values: Values) => {
    try {
      const created = await propose.mutateAsync(toBody(values));
      message.success(t('rotation.form.created', { count: created.length }));
      void navigate(created.length === 1 ? `/rotations/${created[0].id}` : '/rotations?status=planned');
    } catch (e) {
      showErrors(e);
    }
  };

  const initial: Partial<Values> = {
    from_school_id: access.fixedSchoolId ?? undefined,
    agreement_id: null,
    direction: 'dispatch',
    kind: 'teaching',
    teacher_ids: [],
    subjects: [],
    period_mode: 'term',
    term: suggested.term,
    school_year: suggested.schoolYear,
    period: null,
    weekly_periods: 0,
    personnel_moved: false,
    living_allowance_yuan: 0,
    transport_allowance_yuan: 0,
  };

  return (
    <>
      <PageHeader back={<BackButton to="/rotations" />} title={t('rotation.form.title')} />
      <Card className="form-narrow">
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={initial}
          onFinish={(v) => void onFinish(v)}
          onValuesChange={(changed: Partial<Values>) => {
            // teachers belong to the home school; an agreement to the pair
            if ('from_school_id' in changed) form.setFieldsValue({ teacher_ids: [], agreement_id: null });
            if ('to_school_id' in changed) form.setFieldValue('agreement_id', null);
          }}
          data-testid="rotation-form"
          scrollToFirstError
        >
          <Form.Item
            name="from_school_id"
            label={t('rotation.fromSchool')}
            rules={required}
            extra={access.fixedSchoolId !== null ? t('rotation.form.ownSchoolHelp') : undefined}
          >
            <SchoolSelect disabled={access.fixedSchoolId !== null} />
          </Form.Item>
          <Form.Item
            name="to_school_id"
            label={t('rotation.toSchool')}
            dependencies={['from_school_id']}
            rules={[...required, differentFrom('from_school_id', t('rotation.form.schoolsMustDiffer'))]}
          >
            <SchoolSelect />
          </Form.Item>
          <Form.Item
            name="agreement_id"
            label={t('rotation.agreement')}
            extra={fromId !== undefined && toId !== undefined && !agreements.isFetching && between.length === 0 ? t('rotation.form.agreementNone') : t('rotation.form.agreementHelp')}
          >
            <Select<number | null>
              allowClear
              loading={agreements.isFetching}
              disabled={fromId === undefined || toId === undefined || between.length === 0}
              placeholder={t('rotation.form.agreementPlaceholder')}
              options={between.map((a) => ({ value: a.id, label: a.title }))}
            />
          </Form.Item>
          <Form.Item name="direction" label={t('rotation.direction')} rules={required} extra={picked ? t('rotation.form.directionFixed') : undefined}>
            <Radio.Group
              disabled={picked !== undefined}
              options={ROTATION_DIRECTIONS.map((d) => ({ value: d, label: t(`enum.rotationDirection.${d}`) }))}
            />
          </Form.Item>
          <Form.Item name="kind" label={t('rotation.kind')} rules={required}>
            <Select options={ROTATION_KINDS.map((k) => ({ value: k, label: t(`enum.rotationKind.${k}`) }))} />
          </Form.Item>
          <Form.Item
            name="teacher_ids"
            label={t('rotation.teachers')}
            extra={t('rotation.form.teachersHelp')}
            rules={[{ required: true, type: 'array', min: 1, message: t('rotation.form.teachersRequired') }]}
          >
            <TeachersPicker schoolId={fromId ?? null} />
          </Form.Item>
          <Form.Item name="subjects" label={t('rotation.subjects')} rules={[{ type: 'array', max: 10, message: t('rotation.form.subjectsMax') }]}>
            <Select<string[]>
              mode="tags"
              maxCount={10}
              placeholder={t('rotation.form.subjectsPlaceholder')}
              options={SUBJECTS.map((s) => ({ value: s, label: subjectLabel(t, s) }))}
            />
          </Form.Item>
          <Form.Item name="period_mode" label={t('rotation.form.periodMode')}>
            <Segmented<PeriodMode>
              options={[
                { value: 'term', label: <span data-testid="period-term">{t('rotation.form.byTerm')}</span> },
                { value: 'dates', label: <span data-testid="period-dates">{t('rotation.form.byDates')}</span> },
              ]}
            />
          </Form.Item>
          {mode === 'term' ? (
            <Space wrap align="start" style={{ width: '100%' }}>
              <Form.Item name="term" label={t('rotation.form.term')} rules={required}>
                <Radio.Group optionType="button" options={TERMS.map((x) => ({ value: x, label: t(`enum.term.${x}`) }))} />
              </Form.Item>
              <Form.Item name="school_year" label={t('rotation.schoolYear')} rules={required}>
                <Select<number>
                  style={{ minWidth: 180 }}
                  options={years.map((y) => ({ value: y, label: t('rotation.schoolYearLabel', { start: y, end: y + 1 }) }))}
                />
              </Form.Item>
            </Space>
          ) : (
            <Form.Item name="period" label={t('rotation.form.dates')} rules={required}>
              <DatePicker.RangePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
            </Form.Item>
          )}
          <Form.Item name="weekly_periods" label={t('rotation.weeklyPeriods')} rules={required}>
            <InputNumber min={0} max={40} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="personnel_moved" label={t('rotation.personnelMoved')} valuePropName="checked" extra={t('rotation.personnelMovedHelp')}>
            <Switch />
          </Form.Item>
          <Form.Item name="living_allowance_yuan" label={t('rotation.livingAllowance')} rules={required}>
            <InputNumber min={0} max={99999999} precision={2} suffix={t('rotation.yuan')} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="transport_allowance_yuan" label={t('rotation.transportAllowance')} rules={required}>
            <InputNumber min={0} max={99999999} precision={2} suffix={t('rotation.yuan')} style={{ width: '100%' }} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={propose.isPending} data-testid="submit">
              {t('rotation.form.submit')}
            </Button>
            <Button onClick={() => void navigate('/rotations')}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
