// "生成方案": a county of the bureau and a school year → the solver's plan (well under a second for a
// county), then its review page. While it solves the dialog says so; a refusal is shown in the dialog.
import { useEffect, useMemo, useState } from 'react';
import { Alert, Form, Modal, Select, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { validValues } from '../../components/validValues';
import { schoolYearChoices } from '../rotationReports/figures';
import { currentSchoolYear } from './model';
import { refusal, useSchoolYearText } from './parts';
import { useCounties, usePropose } from './queries';

interface ProposeValues {
  region_id: number;
  school_year: number;
}

export function ProposeModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<ProposeValues>();
  const counties = useCounties();
  const propose = usePropose();
  const yearText = useSchoolYearText();
  const today = useMemo(() => new Date(), []);
  const years = schoolYearChoices(today, 1, 1);
  const [error, setError] = useState<string | null>(null);

  // a bureau usually plans one county: choose it already
  const only = counties.data?.length === 1 ? counties.data[0].id : undefined;
  useEffect(() => {
    if (only !== undefined && form.getFieldValue('region_id') === undefined) form.setFieldValue('region_id', only);
  }, [only, form]);

  const onOk = async () => {
    const v = await validValues(form);
    if (!v) return;
    setError(null);
    try {
      const p = await propose.mutateAsync({ region_id: v.region_id, school_year: v.school_year });
      onClose();
      void navigate(`/planning/${p.id}`);
    } catch (e) {
      setError(refusal(t, e));
    }
  };

  return (
    <Modal
      open
      title={t('planning.proposal.new')}
      okText={t('planning.proposal.solve')}
      okButtonProps={{ loading: propose.isPending, ...{ 'data-testid': 'propose-ok' } }}
      cancelText={t('common.cancel')}
      onOk={() => void onOk()}
      onCancel={() => !propose.isPending && onClose()}
      maskClosable={!propose.isPending}
    >
      <Typography.Paragraph type="secondary">{t('planning.proposal.newHelp')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="propose-error" />}
      <Spin spinning={propose.isPending} tip={t('planning.proposal.solving')} data-testid="propose-solving">
        <Form<ProposeValues> form={form} layout="vertical" data-testid="propose-form" initialValues={{ school_year: currentSchoolYear(today) }}>
          <Form.Item name="region_id" label={t('planning.proposal.county')} rules={[{ required: true, message: t('planning.proposal.countyRequired') }]}>
            <Select
              loading={counties.isLoading}
              options={(counties.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
              notFoundContent={counties.isLoading ? t('common.loading') : t('planning.proposal.noCounty')}
            />
          </Form.Item>
          <Form.Item name="school_year" label={t('planning.schoolYear')} rules={[{ required: true }]}>
            <Select options={years.map((y) => ({ value: y, label: yearText(y) }))} />
          </Form.Item>
        </Form>
      </Spin>
    </Modal>
  );
}
