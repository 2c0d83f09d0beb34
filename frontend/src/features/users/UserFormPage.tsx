import { useState } from 'react';
import { Button, Card, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Role, UiLocale, User, UserCreate, UserUpdate } from '../../api/types';
import { ROLES } from '../../api/types';
import { BackButton } from '../../components/BackButton';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, PageLoading } from '../../components/Results';
import { useFormErrors } from '../../components/useFormErrors';
import { useIdParam } from '../../components/useIdParam';
import { changedFields } from '../../lib/diff';
import { SchoolSelect } from '../schools/SchoolSelect';
import { TeacherSelect } from '../teachers/TeacherSelect';
import { useFeedback } from '../../app/feedback';
import { useCreateUser, useOrganizations, useUpdateUser, useUser } from './queries';
import { scopeForRole } from './roles';

interface Values {
  username: string;
  display_name: string;
  role: Role;
  organization_id: number | null;
  school_id: number | null;
  teacher_id: number | null;
  phone: string;
  email: string;
  locale: UiLocale;
  password: string;
}
const FIELDS: readonly string[] = [
  'username',
  'display_name',
  'role',
  'organization_id',
  'school_id',
  'teacher_id',
  'phone',
  'email',
  'locale',
  'password',
];

function toValues(u: User): Values {
  return {
    username: u.username,
    display_name: u.display_name,
    role: u.role,
    organization_id: u.organization_id ?? null,
    school_id: u.school_id ?? null,
    teacher_id: u.teacher_id ?? null,
    phone: u.phone ?? '',
    email: u.email ?? '',
    locale: u.locale === 'en' ? 'en' : 'zh-CN',
    password: '',
  };
}

/** The fields that apply to the chosen role; the others are sent as null. */
function normalise(v: Values): Omit<Values, 'password' | 'username'> {
  const scope = scopeForRole(v.role);
  return {
    display_name: v.display_name.trim(),
    role: v.role,
    organization_id: scope === 'organization' ? v.organization_id : null,
    school_id: scope === 'school' ? v.school_id : null,
    teacher_id: v.role === 'teacher' ? v.teacher_id : null,
    phone: v.phone ?? '',
    email: v.email ?? '',
    locale: v.locale,
  };
}

function UserForm({ user, onReload }: { user: User | null; onReload: () => Promise<User | undefined> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = useFeedback();
  const [form] = Form.useForm<Values>();
  const [loaded, setLoaded] = useState<User | null>(user);
  const role = Form.useWatch('role', form) ?? loaded?.role;
  const schoolId = Form.useWatch('school_id', form) ?? null;
  const scope = role ? scopeForRole(role) : null;
  const orgs = useOrganizations(scope === 'organization');
  const create = useCreateUser();
  const update = useUpdateUser(user?.id ?? 0);
  const showErrors = useFormErrors(form, {
    fields: FIELDS,
    conflictField: 'username',
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
      const body = normalise(values);
      if (loaded) {
        const patch: UserUpdate = changedFields(normalise(toValues(loaded)), body);
        if (values.password) patch.password = values.password;
        const saved = await update.mutateAsync({ version: loaded.version, body: patch });
        message.success(t('common.saved'));
        void navigate(`/users/${saved.id}`);
      } else {
        const createBody: UserCreate = { ...body, username: values.username.trim(), password: values.password };
        const saved = await create.mutateAsync(createBody);
        message.success(t('common.created'));
        void navigate(`/users/${saved.id}`);
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
            : { phone: '', email: '', locale: 'zh-CN', organization_id: null, school_id: null, teacher_id: null, password: '' }
        }
        onFinish={(v) => void onFinish(v)}
        data-testid="user-form"
        scrollToFirstError
        autoComplete="off"
      >
        <Form.Item name="username" label={t('user.username')} rules={[...required, { max: 50 }]}>
          <Input disabled={loaded !== null} maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item name="display_name" label={t('user.displayName')} rules={[...required, { max: 50 }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="role" label={t('user.role')} rules={required}>
          <Select
            options={ROLES.map((r) => ({ value: r, label: t(`enum.role.${r}`) }))}
            onChange={() => form.setFieldsValue({ teacher_id: null })}
          />
        </Form.Item>
        {scope === 'organization' && (
          <Form.Item name="organization_id" label={t('user.organization')} rules={required}>
            <Select
              loading={orgs.isLoading}
              options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
            />
          </Form.Item>
        )}
        {scope === 'school' && (
          <Form.Item name="school_id" label={t('user.school')} rules={required}>
            <SchoolSelect
              current={loaded?.school_id ? { id: loaded.school_id, name: loaded.school_name ?? '' } : null}
              onChange={() => form.setFieldsValue({ teacher_id: null })}
            />
          </Form.Item>
        )}
        {role === 'teacher' && (
          <Form.Item name="teacher_id" label={t('user.teacher')} extra={t('user.teacherHelp')}>
            <TeacherSelect schoolId={schoolId} />
          </Form.Item>
        )}
        <Form.Item name="phone" label={t('user.phone')} rules={[{ max: 30 }]}>
          <Input maxLength={30} inputMode="tel" />
        </Form.Item>
        <Form.Item name="email" label={t('user.email')} rules={[{ type: 'email', message: t('validation.email') }]}>
          <Input maxLength={254} inputMode="email" />
        </Form.Item>
        <Form.Item name="locale" label={t('user.locale')}>
          <Select
            options={[
              { value: 'zh-CN', label: '中文' },
              { value: 'en', label: 'English' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="password"
          label={loaded ? t('user.newPassword') : t('user.password')}
          extra={loaded ? t('user.passwordKeep') : t('validation.passwordMin')}
          rules={[
            ...(loaded ? [] : required),
            { min: 8, message: t('validation.passwordMin') },
            { max: 128 },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending} data-testid="submit">
            {loaded ? t('common.save') : t('common.create')}
          </Button>
          <Button onClick={() => void navigate(loaded ? `/users/${loaded.id}` : '/users')}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}

export default function UserFormPage() {
  const { t } = useTranslation();
  const id = useIdParam();
  const user = useUser(id);
  const editing = id !== null;

  if (editing && user.error) return <LoadError error={user.error} onRetry={() => void user.refetch()} />;
  if (editing && !user.data) return <PageLoading />;

  return (
    <>
      <PageHeader
        back={<BackButton to={editing ? `/users/${id}` : '/users'} />}
        title={editing ? t('user.editTitle', { name: user.data?.display_name ?? '' }) : t('user.new')}
      />
      <UserForm key={id ?? 'new'} user={user.data ?? null} onReload={async () => (await user.refetch()).data} />
    </>
  );
}
