import { Button, Card, Col, Descriptions, Form, Input, Radio, Row, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, setAccessToken, unwrap } from '../../api/client';
import type { Me } from '../../api/types';
import { useAuth } from '../../app/auth';
import { useSwitchLanguage } from '../../app/useSwitchLanguage';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/Results';
import { useFormErrors } from '../../components/useFormErrors';
import { orEmpty } from '../../lib/format';
import type { Language } from '../../i18n';
import { useFeedback } from '../../app/feedback';

interface InfoValues {
  display_name: string;
  phone: string;
  email: string;
}
interface PasswordValues {
  current_password: string;
  new_password: string;
  confirm: string;
}

function InfoCard({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { setMe } = useAuth();
  const { message } = useFeedback();
  const [form] = Form.useForm<InfoValues>();
  const showErrors = useFormErrors(form, { fields: ['display_name', 'phone', 'email'] });
  const save = useMutation({
    mutationFn: async (v: InfoValues) =>
      unwrap(
        await api.PATCH('/api/v1/auth/me', {
          body: { display_name: v.display_name.trim(), phone: v.phone ?? '', email: v.email ?? '' },
        }),
      ),
    onSuccess: (fresh) => {
      setMe(fresh);
      message.success(t('common.saved'));
    },
    onError: showErrors,
  });
  return (
    <Card title={t('profile.info')}>
      <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('user.username')}>{me.username}</Descriptions.Item>
        <Descriptions.Item label={t('user.role')}>{t(`enum.role.${me.role}`)}</Descriptions.Item>
      </Descriptions>
      <Form<InfoValues>
        form={form}
        layout="vertical"
        initialValues={{ display_name: me.display_name, phone: me.phone ?? '', email: me.email ?? '' }}
        onFinish={(v) => save.mutate(v)}
        data-testid="profile-form"
      >
        <Form.Item
          name="display_name"
          label={t('user.displayName')}
          rules={[{ required: true, message: t('validation.required') }, { max: 50 }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="phone" label={t('user.phone')} rules={[{ max: 30 }]}>
          <Input maxLength={30} inputMode="tel" />
        </Form.Item>
        <Form.Item name="email" label={t('user.email')} rules={[{ type: 'email', message: t('validation.email') }]}>
          <Input maxLength={254} inputMode="email" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="profile-save">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}

function PasswordCard() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<PasswordValues>();
  const showErrors = useFormErrors(form, { fields: ['current_password', 'new_password'] });
  const change = useMutation({
    mutationFn: async (v: PasswordValues) =>
      unwrap(
        await api.POST('/api/v1/auth/password', {
          body: { current_password: v.current_password, new_password: v.new_password },
        }),
      ),
    onSuccess: (token) => {
      setAccessToken(token.access_token);
      form.resetFields();
      message.success(t('profile.passwordChanged'));
    },
    onError: showErrors,
  });
  return (
    <Card title={t('profile.changePassword')}>
      <Form<PasswordValues>
        form={form}
        layout="vertical"
        onFinish={(v) => change.mutate(v)}
        data-testid="password-form"
        autoComplete="off"
      >
        <Form.Item
          name="current_password"
          label={t('profile.currentPassword')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="new_password"
          label={t('profile.newPassword')}
          rules={[
            { required: true, message: t('validation.required') },
            { min: 8, message: t('validation.passwordMin') },
            { max: 128 },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('profile.confirmPassword')}
          dependencies={['new_password']}
          rules={[
            { required: true, message: t('validation.required') },
            ({ getFieldValue }) => ({
              validator: (_r, value: string | undefined) =>
                !value || getFieldValue('new_password') === value
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('profile.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="password-save">
          {t('profile.changePassword')}
        </Button>
      </Form>
    </Card>
  );
}

function LanguageCard() {
  const { t } = useTranslation();
  const { language, setLanguage } = useSwitchLanguage();
  return (
    <Card title={t('profile.language')}>
      <Radio.Group
        value={language}
        onChange={(e) => void setLanguage(e.target.value as Language)}
        optionType="button"
        options={[
          { value: 'zh-CN', label: '中文' },
          { value: 'en', label: 'English' },
        ]}
        data-testid="profile-language"
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('profile.languageHelp')}
      </Typography.Paragraph>
    </Card>
  );
}

export default function ProfilePage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  if (!me) return <PageLoading />;
  return (
    <>
      <PageHeader title={t('profile.title', { name: orEmpty(me.display_name) })} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <InfoCard me={me} />
        </Col>
        <Col xs={24} lg={12}>
          <Row gutter={[16, 16]}>
            <Col span={24}>
              <LanguageCard />
            </Col>
            <Col span={24}>
              <PasswordCard />
            </Col>
          </Row>
        </Col>
      </Row>
    </>
  );
}
