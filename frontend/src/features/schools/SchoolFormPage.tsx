import { useState } from 'react';
import { Button, Card, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { School, SchoolCreate } from '../../api/types';
import { SCHOOL_LOCALES, STAGES } from '../../api/types';
import { BackButton } from '../../components/BackButton';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, PageLoading } from '../../components/Results';
import { useFormErrors } from '../../components/useFormErrors';
import { useIdParam } from '../../components/useIdParam';
import { changedFields } from '../../lib/diff';
import { useFeedback } from '../../app/feedback';
import { useCreateSchool, useRegions, useSchool, useUpdateSchool } from './queries';

type Values = Omit<SchoolCreate, 'latitude' | 'longitude' | 'address'> & {
  address: string;
  latitude: number | null;
  longitude: number | null;
};
const FIELDS: readonly (keyof Values)[] = [
  'code',
  'name',
  'stage',
  'locale',
  'region_id',
  'address',
  'student_count',
  'teacher_count',
  'is_weak',
  'latitude',
  'longitude',
];

function toValues(s: School): Values {
  return {
    code: s.code,
    name: s.name,
    stage: s.stage,
    locale: s.locale,
    region_id: s.region_id,
    address: s.address ?? '',
    student_count: s.student_count,
    teacher_count: s.teacher_count,
    is_weak: s.is_weak,
    latitude: s.latitude ?? null,
    longitude: s.longitude ?? null,
  };
}

function SchoolForm({ school, onReload }: { school: School | null; onReload: () => Promise<School | undefined> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = useFeedback();
  const [form] = Form.useForm<Values>();
  const [loaded, setLoaded] = useState<School | null>(school);
  const regions = useRegions();
  const create = useCreateSchool();
  const update = useUpdateSchool(school?.id ?? 0);
  const showErrors = useFormErrors(form, {
    fields: FIELDS,
    conflictField: 'code',
    onReload: async () => {
      const fresh = await onReload();
      if (fresh) {
        setLoaded(fresh);
        form.setFieldsValue(toValues(fresh));
      }
    },
  });
  const required = [{ required: true, message: t('validation.required') }];

  const onFinish = async (values: Values) => {
    try {
      if (loaded) {
        const body = changedFields(toValues(loaded), values);
        const saved = await update.mutateAsync({ version: loaded.version, body });
        message.success(t('common.saved'));
        void navigate(`/schools/${saved.id}`);
      } else {
        const saved = await create.mutateAsync({ ...values, code: values.code.trim() });
        message.success(t('common.created'));
        void navigate(`/schools/${saved.id}`);
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
        initialValues={
          loaded
            ? toValues(loaded)
            : { student_count: 0, teacher_count: 0, is_weak: false, address: '', latitude: null, longitude: null }
        }
        onFinish={(v) => void onFinish(v)}
        data-testid="school-form"
        scrollToFirstError
      >
        <Form.Item
          name="code"
          label={t('school.code')}
          extra={t('school.codeRule')}
          rules={[...required, { pattern: /^[A-Za-z0-9_-]{1,32}$/, message: t('school.codeRule') }]}
        >
          <Input maxLength={32} autoComplete="off" />
        </Form.Item>
        <Form.Item name="name" label={t('school.name')} rules={[...required, { max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="stage" label={t('school.stage')} rules={required}>
          <Select options={STAGES.map((s) => ({ value: s, label: t(`enum.stage.${s}`) }))} />
        </Form.Item>
        <Form.Item name="locale" label={t('school.locale')} rules={required}>
          <Select options={SCHOOL_LOCALES.map((s) => ({ value: s, label: t(`enum.locale.${s}`) }))} />
        </Form.Item>
        <Form.Item name="region_id" label={t('school.region')} rules={required}>
          <Select
            loading={regions.isLoading}
            showSearch={{ optionFilterProp: 'label' }}
            options={(regions.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
          />
        </Form.Item>
        <Form.Item name="address" label={t('school.address')} rules={[{ max: 255 }]}>
          <Input maxLength={255} />
        </Form.Item>
        <Form.Item name="student_count" label={t('school.studentCount')} rules={required}>
          <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="teacher_count" label={t('school.teacherCount')} rules={required}>
          <InputNumber min={0} max={10000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="is_weak" label={t('school.isWeak')} valuePropName="checked" extra={t('school.isWeakHelp')}>
          <Switch />
        </Form.Item>
        <Form.Item name="latitude" label={t('school.latitude')}>
          <InputNumber min={-90} max={90} step={0.000001} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="longitude" label={t('school.longitude')}>
          <InputNumber min={-180} max={180} step={0.000001} style={{ width: '100%' }} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending} data-testid="submit">
            {loaded ? t('common.save') : t('common.create')}
          </Button>
          <Button onClick={() => void navigate(loaded ? `/schools/${loaded.id}` : '/schools')}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}

export default function SchoolFormPage() {
  const { t } = useTranslation();
  const id = useIdParam();
  const school = useSchool(id);
  const editing = id !== null;

  if (editing && school.error) return <LoadError error={school.error} onRetry={() => void school.refetch()} />;
  if (editing && !school.data) return <PageLoading />;

  return (
    <>
      <PageHeader
        back={<BackButton to={editing ? `/schools/${id}` : '/schools'} />}
        title={editing ? t('school.editTitle', { name: school.data?.name ?? '' }) : t('school.new')}
      />
      <SchoolForm
        key={id ?? 'new'}
        school={school.data ?? null}
        onReload={async () => (await school.refetch()).data}
      />
    </>
  );
}
