import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { Teacher, TeacherCreate } from '../../api/types';
import { BACKBONE_LEVELS, GENDERS, SUBJECTS, TITLE_RANKS } from '../../api/types';
import { useAccess } from '../../app/auth';
import { BackButton } from '../../components/BackButton';
import { PageHeader } from '../../components/PageHeader';
import { ForbiddenResult, LoadError, PageLoading } from '../../components/Results';
import { useFormErrors } from '../../components/useFormErrors';
import { useIdParam } from '../../components/useIdParam';
import { changedFields } from '../../lib/diff';
import { intOrUndefined } from '../../lib/listState';
import { SchoolSelect } from '../schools/SchoolSelect';
import { useFeedback } from '../../app/feedback';
import { subjectLabel } from './labels';
import { useCreateTeacher, useTeacher, useUpdateTeacher } from './queries';

interface Values {
  name: string;
  gender: TeacherCreate['gender'];
  school_id: number;
  subjects: string[];
  title_rank: NonNullable<TeacherCreate['title_rank']>;
  backbone_level: NonNullable<TeacherCreate['backbone_level']>;
  hire_date: Dayjs;
  birth_date: Dayjs | null;
  phone: string;
}
const FIELDS: readonly string[] = [
  'name',
  'gender',
  'school_id',
  'subjects',
  'title_rank',
  'backbone_level',
  'hire_date',
  'birth_date',
  'phone',
];

const day = (d: Dayjs | null): string | null => (d ? d.format('YYYY-MM-DD') : null);

function toBody(v: Values): TeacherCreate {
  return {
    name: v.name.trim(),
    gender: v.gender,
    school_id: v.school_id,
    subjects: v.subjects,
    title_rank: v.title_rank,
    backbone_level: v.backbone_level,
    hire_date: day(v.hire_date) ?? '',
    birth_date: day(v.birth_date),
    phone: v.phone ?? '',
  };
}

function fromTeacher(x: Teacher): TeacherCreate {
  return {
    name: x.name,
    gender: x.gender,
    school_id: x.school_id,
    subjects: x.subjects,
    title_rank: x.title_rank,
    backbone_level: x.backbone_level,
    hire_date: x.hire_date,
    birth_date: x.birth_date ?? null,
    phone: x.phone ?? '',
  };
}

function toValues(x: Teacher): Values {
  return {
    ...fromTeacher(x),
    phone: x.phone ?? '',
    title_rank: x.title_rank,
    backbone_level: x.backbone_level,
    subjects: x.subjects,
    hire_date: dayjs(x.hire_date),
    birth_date: x.birth_date ? dayjs(x.birth_date) : null,
  };
}

function TeacherForm({ teacher, onReload }: { teacher: Teacher | null; onReload: () => Promise<Teacher | undefined> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = useFeedback();
  const access = useAccess();
  const [sp] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [loaded, setLoaded] = useState<Teacher | null>(teacher);
  const create = useCreateTeacher();
  const update = useUpdateTeacher(teacher?.id ?? 0);
  const showErrors = useFormErrors(form, {
    fields: FIELDS,
    onReload: async () => {
      const fresh = await onReload();
      if (fresh) {
        setLoaded(fresh);
        form.setFieldsValue(toValues(fresh));
      }
    },
  });
  const required = [{ required: true, message: t('validation.required') }];
  const fixedSchool = access.fixedSchoolId;

  const onFinish = async (values: Values) => {
    try {
      const body = toBody({ ...values, school_id: fixedSchool ?? values.school_id });
      if (loaded) {
        const saved = await update.mutateAsync({ version: loaded.version, body: changedFields(fromTeacher(loaded), body) });
        message.success(t('common.saved'));
        void navigate(`/teachers/${saved.id}`);
      } else {
        const saved = await create.mutateAsync(body);
        message.success(t('common.created'));
        void navigate(`/teachers/${saved.id}`);
      }
    } catch (e) {
      showErrors(e);
    }
  };

  const initial: Partial<Values> = loaded
    ? toValues(loaded)
    : {
        school_id: fixedSchool ?? intOrUndefined(sp.get('school_id') ?? undefined),
        subjects: [],
        title_rank: 'none',
        backbone_level: 'none',
        birth_date: null,
        phone: '',
      };

  return (
    <Card className="form-narrow">
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => void onFinish(v)}
        data-testid="teacher-form"
        scrollToFirstError
      >
        <Form.Item name="name" label={t('teacher.name')} rules={[...required, { max: 50 }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="gender" label={t('teacher.gender')} rules={required}>
          <Radio.Group options={GENDERS.map((g) => ({ value: g, label: t(`enum.gender.${g}`) }))} />
        </Form.Item>
        <Form.Item name="school_id" label={t('teacher.school')} rules={required}>
          <SchoolSelect
            disabled={fixedSchool !== null}
            current={loaded ? { id: loaded.school_id, name: loaded.school_name ?? "" } : null}
          />
        </Form.Item>
        <Form.Item name="subjects" label={t('teacher.subjects')} extra={t('teacher.subjectsHelp')}>
          <Select
            mode="tags"
            maxCount={10}
            options={SUBJECTS.map((s) => ({ value: s, label: subjectLabel(t, s) }))}
            tokenSeparators={[',', '，', '、']}
          />
        </Form.Item>
        <Form.Item name="title_rank" label={t('teacher.titleRank')} rules={required}>
          <Select options={TITLE_RANKS.map((s) => ({ value: s, label: t(`enum.titleRank.${s}`) }))} />
        </Form.Item>
        <Form.Item name="backbone_level" label={t('teacher.backboneLevel')} rules={required}>
          <Select options={BACKBONE_LEVELS.map((s) => ({ value: s, label: t(`enum.backbone.${s}`) }))} />
        </Form.Item>
        <Form.Item name="hire_date" label={t('teacher.hireDate')} rules={required}>
          <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="birth_date" label={t('teacher.birthDate')}>
          <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="phone" label={t('teacher.phone')} rules={[{ max: 30 }]}>
          <Input maxLength={30} inputMode="tel" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending} data-testid="submit">
            {loaded ? t('common.save') : t('common.create')}
          </Button>
          <Button onClick={() => void navigate(loaded ? `/teachers/${loaded.id}` : '/teachers')}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}

export default function TeacherFormPage() {
  const { t } = useTranslation();
  const id = useIdParam();
  const access = useAccess();
  const teacher = useTeacher(id);
  const editing = id !== null;

  if (editing && teacher.error) return <LoadError error={teacher.error} onRetry={() => void teacher.refetch()} />;
  if (editing && !teacher.data) return <PageLoading />;
  if (teacher.data && access.fixedSchoolId !== null && teacher.data.school_id !== access.fixedSchoolId) {
    return <ForbiddenResult />;
  }

  return (
    <>
      <PageHeader
        back={<BackButton to={editing ? `/teachers/${id}` : '/teachers'} />}
        title={editing ? t('teacher.editTitle', { name: teacher.data?.name ?? '' }) : t('teacher.new')}
      />
      <TeacherForm key={id ?? 'new'} teacher={teacher.data ?? null} onReload={async () => (await teacher.refetch()).data} />
    </>
  );
}
