// "新建年度考核": a programme, a school year and the pass mark; the standard 100-point form is used and
// can be changed on the 评分表 tab while the assessment is a draft.
import { useEffect, useMemo } from 'react';
import { Alert, Form, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { RecordModal } from '../../components/RecordModal';
import { schoolYearOf, schoolYearOptions } from '../agreements/labels';
import { useProgrammeOptions } from '../programmes/queries';
import { useSchoolYearText } from './parts';
import { pointsParam } from './points';
import { useCreateAssessment } from './queries';
import { twoDecimals } from './rules';

interface CreateValues {
  programme_id: number;
  school_year: number;
  pass_threshold: number;
}

const FIELDS = ['programme_id', 'school_year', 'pass_threshold'] as const;

export function CreateAssessmentModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<CreateValues>();
  const programmes = useProgrammeOptions();
  const create = useCreateAssessment();
  const yearText = useSchoolYearText();
  const today = useMemo(() => new Date(), []);
  const years = useMemo(() => schoolYearOptions(today, 3, 1), [today]);

  // a county usually runs one programme at a time: choose it already
  const only = programmes.data?.length === 1 ? programmes.data[0].id : undefined;
  useEffect(() => {
    if (only !== undefined && form.getFieldValue('programme_id') === undefined) form.setFieldValue('programme_id', only);
  }, [only, form]);

  const save = async (v: CreateValues) => {
    const a = await create.mutateAsync({
      programme_id: v.programme_id,
      school_year: v.school_year,
      pass_threshold: pointsParam(v.pass_threshold),
    });
    void navigate(`/assessments/${a.id}`);
  };

  return (
    <RecordModal<CreateValues>
      form={form}
      fields={FIELDS}
      isEdit={false}
      title={t('assessment.new')}
      busy={create.isPending}
      save={save}
      onClose={onClose}
    >
      <Alert type="info" showIcon title={t('assessment.newHelp')} style={{ marginBottom: 16 }} />
      <Form<CreateValues>
        form={form}
        layout="vertical"
        data-testid="assessment-create-form"
        initialValues={{ school_year: schoolYearOf(today), pass_threshold: 60 }}
      >
        <Form.Item name="programme_id" label={t('assessment.programme')} rules={[{ required: true, message: t('assessment.programmeRequired') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={programmes.isLoading}
            options={(programmes.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        <Form.Item name="school_year" label={t('assessment.schoolYear')} rules={[{ required: true }]}>
          <Select options={years.map((y) => ({ value: y, label: yearText(y) }))} />
        </Form.Item>
        <Form.Item
          name="pass_threshold"
          label={t('assessment.passThreshold')}
          extra={t('assessment.passThresholdHelp')}
          rules={[
            { required: true, message: t('assessment.passThresholdRequired') },
            twoDecimals(t('assessment.twoDecimals')),
          ]}
        >
          <InputNumber min={0} max={1000} step={1} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </RecordModal>
  );
}
