// "标记为不可交流": keep a teacher out of the school year's plan, with the reason (a few usual ones to
// pick from). A refusal (already marked: 409) is shown in the dialog as the server words it.
import { useState } from 'react';
import { Alert, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SupplyRow } from '../../api/types';
import { validValues } from '../../components/validValues';
import { useFeedback } from '../../app/feedback';
import { refusal, useSchoolYearText } from './parts';
import { useMarkUnavailable } from './queries';

const REASON_KEYS = ['sickLeave', 'graduatingClass', 'maternity', 'training'] as const;

export function UnavailableModal({ teacher, schoolYear, onClose }: { teacher: SupplyRow; schoolYear: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<{ reason: string }>();
  const mark = useMarkUnavailable();
  const yearText = useSchoolYearText();
  const [error, setError] = useState<string | null>(null);

  const onOk = async () => {
    const v = await validValues(form);
    if (!v) return;
    setError(null);
    try {
      await mark.mutateAsync({ teacher_id: teacher.teacher_id, school_year: schoolYear, reason: v.reason.trim() });
      message.success(t('planning.supply.marked', { name: teacher.name }));
      onClose();
    } catch (e) {
      setError(refusal(t, e));
    }
  };

  return (
    <Modal
      open
      title={t('planning.supply.markTitle', { name: teacher.name, year: yearText(schoolYear) })}
      okText={t('planning.supply.mark')}
      okButtonProps={{ loading: mark.isPending, ...{ 'data-testid': 'unavailable-ok' } }}
      cancelText={t('common.cancel')}
      onOk={() => void onOk()}
      onCancel={() => !mark.isPending && onClose()}
    >
      <Typography.Paragraph type="secondary">{t('planning.supply.markHelp')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="unavailable-error" />}
      <Form form={form} layout="vertical" data-testid="unavailable-form" initialValues={{ reason: '' }}>
        <Form.Item
          name="reason"
          label={t('planning.supply.reason')}
          rules={[{ required: true, whitespace: true, message: t('planning.supply.reasonRequired') }, { max: 200 }]}
        >
          <Input maxLength={200} placeholder={t('planning.supply.reasonPlaceholder')} autoFocus />
        </Form.Item>
        <Space size={[4, 4]} wrap>
          <Typography.Text type="secondary">{t('planning.supply.reasonExamples')}</Typography.Text>
          {REASON_KEYS.map((k) => {
            const text = t(`planning.supply.reasons.${k}`);
            return (
              <Tag.CheckableTag
                key={k}
                checked={false}
                onChange={() => form.setFieldsValue({ reason: text })}
                data-testid={`reason-${k}`}
              >
                {text}
              </Tag.CheckableTag>
            );
          })}
        </Space>
      </Form>
    </Modal>
  );
}
