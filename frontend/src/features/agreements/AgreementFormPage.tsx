import { useEffect, useState } from 'react';
import { Button, Card, Checkbox, DatePicker, Form, Input, Result, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Agreement, AgreementArea, AgreementCreate, AssistanceForm } from '../../api/types';
import { AGREEMENT_AREAS, ASSISTANCE_FORMS } from '../../api/types';
import { useAccess } from '../../app/auth';
import { BackButton } from '../../components/BackButton';
import { differentFrom } from '../../components/formRules';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, PageLoading } from '../../components/Results';
import { useFormErrors } from '../../components/useFormErrors';
import { useIdParam } from '../../components/useIdParam';
import { changedFields } from '../../lib/diff';
import { formatDate } from '../../lib/format';
import { useProgrammeOptions } from '../programmes/queries';
import { SchoolSelect } from '../schools/SchoolSelect';
import { TeacherSelect } from '../teachers/TeacherSelect';
import { useFeedback } from '../../app/feedback';
import { useAgreement, useCreateAgreement, useUpdateAgreement } from './queries';

interface GoalValues {
  title: string;
  area: AgreementArea;
  target_date: Dayjs;
  indicator?: string;
}

interface Values {
  programme_id: number;
  supporting_school_id: number;
  receiving_school_id: number;
  title: string;
  period: [Dayjs, Dayjs] | null;
  areas: AgreementArea[];
  forms: AssistanceForm[];
  commitments: string;
  assistant_principal_teacher_id: number | null;
  goals: GoalValues[];
}

const FIELDS: readonly (keyof Values)[] = [
  'programme_id',
  'supporting_school_id',
  'receiving_school_id',
  'title',
  'period',
  'areas',
  'forms',
  'commitments',
  'assistant_principal_teacher_id',
];
const ALIASES = { start_date: 'period', end_date: 'period' } as const;

const day = (d: Dayjs): string => d.format('YYYY-MM-DD');

/** The server's default period, shown as a hint: three school years from the next 1 September. */
export function defaultPeriod(today: Dayjs): [string, string] {
  const year = today.month() >= 8 ? today.year() + 1 : today.year();
  return [`${year}-09-01`, `${year + 3}-08-31`];
}

function toBody(v: Values): AgreementCreate {
  return {
    programme_id: v.programme_id,
    supporting_school_id: v.supporting_school_id,
    receiving_school_id: v.receiving_school_id,
    title: v.title.trim(),
    start_date: v.period ? day(v.period[0]) : null,
    end_date: v.period ? day(v.period[1]) : null,
    areas: v.areas,
    forms: v.forms ?? [],
    commitments: v.commitments ?? '',
    assistant_principal_teacher_id: v.assistant_principal_teacher_id ?? null,
    goals: (v.goals ?? []).map((g) => ({
      title: g.title.trim(),
      area: g.area,
      target_date: day(g.target_date),
      indicator: g.indicator ?? '',
      status: 'planned',
    })),
  };
}

function fromAgreement(a: Agreement): Omit<AgreementCreate, 'goals'> {
  return {
    programme_id: a.programme_id,
    supporting_school_id: a.supporting_school_id,
    receiving_school_id: a.receiving_school_id,
    title: a.title,
    start_date: a.start_date,
    end_date: a.end_date,
    areas: a.areas,
    forms: a.forms,
    commitments: a.commitments,
    assistant_principal_teacher_id: a.assistant_principal_teacher_id,
  };
}

function toValues(a: Agreement): Values {
  return {
    programme_id: a.programme_id,
    supporting_school_id: a.supporting_school_id,
    receiving_school_id: a.receiving_school_id,
    title: a.title,
    period: [dayjs(a.start_date), dayjs(a.end_date)],
    areas: a.areas,
    forms: a.forms,
    commitments: a.commitments,
    assistant_principal_teacher_id: a.assistant_principal_teacher_id ?? null,
    goals: [],
  };
}

function AgreementForm({ agreement, onReload }: { agreement: Agreement | null; onReload: () => Promise<Agreement | undefined> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const access = useAccess();
  const { message } = useFeedback();
  const [form] = Form.useForm<Values>();
  const [loaded, setLoaded] = useState<Agreement | null>(agreement);
  const programmes = useProgrammeOptions();
  const create = useCreateAgreement();
  const update = useUpdateAgreement(agreement?.id ?? 0);
  const supportingId = Form.useWatch('supporting_school_id', form) as number | undefined;
  const showErrors = useFormErrors(form, {
    fields: FIELDS,
    aliases: ALIASES,
    onReload: async () => {
      const fresh = await onReload();
      if (fresh) {
        setLoaded(fresh);
        form.setFieldsValue(toValues(fresh));
      }
    },
  });
  const required = [{ required: true, message: t('validation.required') }];
  const [defaultStart, defaultEnd] = defaultPeriod(dayjs());

  // a new agreement starts in the newest programme
  const firstProgramme = programmes.data?.[0]?.id;
  useEffect(() => {
    if (!loaded && firstProgramme !== undefined && form.getFieldValue('programme_id') === undefined) {
      form.setFieldValue('programme_id', firstProgramme);
    }
  }, [loaded, firstProgramme, form]);

  const onFinish = async (values: Values) => {
    try {
      const body = toBody(values);
      if (loaded) {
        const { goals: _goals, ...rest } = body;
        const patch = changedFields(fromAgreement(loaded), rest);
        const saved = await update.mutateAsync({ version: loaded.version, body: patch });
        message.success(t('common.saved'));
        void navigate(`/agreements/${saved.id}`);
      } else {
        const saved = await create.mutateAsync(body);
        message.success(t('common.created'));
        void navigate(`/agreements/${saved.id}`);
      }
    } catch (e) {
      showErrors(e);
    }
  };

  const initial: Partial<Values> = loaded
    ? toValues(loaded)
    : {
        // a school admin drafts for their own school, on the supporting side unless they swap
        supporting_school_id: access.fixedSchoolId ?? undefined,
        period: null,
        areas: [],
        forms: [],
        commitments: '',
        assistant_principal_teacher_id: null,
        goals: [],
      };

  return (
    <Card className="form-narrow">
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => void onFinish(v)}
        data-testid="agreement-form"
        scrollToFirstError
      >
        <Form.Item name="programme_id" label={t('agreement.programme')} rules={required}>
          <Select
            loading={programmes.isLoading}
            showSearch={{ optionFilterProp: 'label' }}
            options={(programmes.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        <Form.Item name="supporting_school_id" label={t('agreement.supportingSchool')} rules={required}>
          <SchoolSelect />
        </Form.Item>
        <Form.Item
          name="receiving_school_id"
          label={t('agreement.receivingSchool')}
          dependencies={['supporting_school_id']}
          extra={access.fixedSchoolId !== null ? t('agreement.ownSchoolHelp') : undefined}
          rules={[...required, differentFrom('supporting_school_id', t('agreement.schoolsMustDiffer'))]}
        >
          <SchoolSelect />
        </Form.Item>
        <Form.Item name="title" label={t('agreement.title')} rules={[...required, { max: 200 }]}>
          <Input maxLength={200} placeholder={t('agreement.titlePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="period"
          label={t('agreement.period')}
          rules={loaded ? required : []}
          extra={loaded ? undefined : t('agreement.periodDefault', { start: formatDate(defaultStart), end: formatDate(defaultEnd) })}
        >
          <DatePicker.RangePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="areas" label={t('agreement.areas')} rules={[{ required: true, type: 'array', min: 1, message: t('agreement.areasRequired') }]}>
          <Checkbox.Group options={AGREEMENT_AREAS.map((a) => ({ value: a, label: t(`enum.agreementArea.${a}`) }))} />
        </Form.Item>
        <Form.Item name="forms" label={t('agreement.forms')}>
          <Checkbox.Group options={ASSISTANCE_FORMS.map((a) => ({ value: a, label: t(`enum.assistanceForm.${a}`) }))} />
        </Form.Item>
        <Form.Item name="commitments" label={t('agreement.commitments')} extra={t('agreement.commitmentsHelp')} rules={[{ max: 20000 }]}>
          <Input.TextArea rows={5} maxLength={20000} />
        </Form.Item>
        <Form.Item name="assistant_principal_teacher_id" label={t('agreement.assistantPrincipal')} extra={t('agreement.assistantPrincipalHelp')}>
          <TeacherSelect schoolId={supportingId ?? null} />
        </Form.Item>
        {!loaded && (
          <>
            <Typography.Title level={5}>{t('agreement.goals')}</Typography.Title>
            <Typography.Paragraph type="secondary">{t('agreement.goalsHelp')}</Typography.Paragraph>
            <Form.List name="goals">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f, i) => (
                    <Card
                      key={f.key}
                      size="small"
                      style={{ marginBottom: 12 }}
                      title={t('agreement.goalN', { n: i + 1 })}
                      extra={
                        <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common.remove')} />
                      }
                    >
                      <Form.Item name={[f.name, 'title']} label={t('goal.title')} rules={[...required, { max: 200 }]}>
                        <Input maxLength={200} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'area']} label={t('goal.area')} rules={required}>
                        <Select options={AGREEMENT_AREAS.map((a) => ({ value: a, label: t(`enum.agreementArea.${a}`) }))} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'target_date']} label={t('goal.targetDate')} rules={required}>
                        <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'indicator']} label={t('goal.indicator')} rules={[{ max: 2000 }]}>
                        <Input.TextArea rows={2} maxLength={2000} />
                      </Form.Item>
                    </Card>
                  ))}
                  <Form.Item>
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} block data-testid="add-goal">
                      {t('goal.add')}
                    </Button>
                  </Form.Item>
                </>
              )}
            </Form.List>
          </>
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending} data-testid="submit">
            {loaded ? t('common.save') : t('agreement.saveDraft')}
          </Button>
          <Button onClick={() => void navigate(loaded ? `/agreements/${loaded.id}` : '/agreements')}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}

export default function AgreementFormPage() {
  const { t } = useTranslation();
  const id = useIdParam();
  const agreement = useAgreement(id);
  const editing = id !== null;

  if (editing && agreement.error) return <LoadError error={agreement.error} onRetry={() => void agreement.refetch()} />;
  if (editing && !agreement.data) return <PageLoading />;
  if (editing && agreement.data && agreement.data.status !== 'draft') {
    return (
      <Result
        status="info"
        title={t('agreement.notEditableTitle')}
        subTitle={t('agreement.notEditable')}
        extra={
          <Link to={`/agreements/${id}`}>
            <Button type="primary">{t('agreement.backToAgreement')}</Button>
          </Link>
        }
      />
    );
  }

  return (
    <>
      <PageHeader
        back={<BackButton to={editing ? `/agreements/${id}` : '/agreements'} />}
        title={editing ? t('agreement.editTitle', { name: agreement.data?.title ?? '' }) : t('agreement.new')}
      />
      <AgreementForm key={id ?? 'new'} agreement={agreement.data ?? null} onReload={async () => (await agreement.refetch()).data} />
    </>
  );
}
