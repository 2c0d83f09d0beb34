// A dialog that creates or edits one record through a form: validates, saves, says "created" /
// "saved", closes; a refusal goes to the form fields (422/409) or asks to reload (412).
import type { ReactNode } from 'react';
import { Modal, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../app/feedback';
import { useFormErrors } from './useFormErrors';
import { validValues } from './validValues';

export function RecordModal<V>({
  form,
  fields,
  isEdit,
  title,
  busy,
  save,
  onClose,
  children,
}: {
  form: FormInstance<V>;
  /** Form fields that server validation errors may be shown on. */
  fields: readonly string[];
  isEdit: boolean;
  title: string;
  busy: boolean;
  save: (values: V) => Promise<unknown>;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const showErrors = useFormErrors(form, { fields, onReload: onClose });
  const onOk = async () => {
    const values = await validValues(form);
    if (!values) return;
    try {
      await save(values);
      message.success(isEdit ? t('common.saved') : t('common.created'));
      onClose();
    } catch (e) {
      showErrors(e);
    }
  };
  return (
    <Modal
      open
      title={title}
      okText={isEdit ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void onOk()}
      onCancel={onClose}
    >
      {children}
    </Modal>
  );
}
