import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, problemToFieldErrors } from '../api/problem';
import { useFeedback } from '../app/feedback';

/**
 * Show a failed save where it belongs: 422 field errors on the form fields (loc's last part
 * names the field), a 409 on the given conflict field, 412 as "reload", anything else as a message.
 */
export function useFormErrors(
  form: FormInstance,
  opts: {
    fields: readonly string[];
    conflictField?: string;
    onReload?: () => void;
    /** API field → form field, when one form field carries several API fields (a date range). */
    aliases?: Readonly<Record<string, string>>;
  },
) {
  const { t } = useTranslation();
  const { message, modal } = useFeedback();
  return (error: unknown) => {
    if (!(error instanceof ApiError)) {
      message.error(t('errors.network'));
      return;
    }
    const { problem } = error;
    if (problem.status === 412) {
      modal.confirm({
        title: t('errors.staleTitle'),
        content: t('errors.stale'),
        okText: t('common.reload'),
        cancelText: t('common.cancel'),
        onOk: opts.onReload,
      });
      return;
    }
    const aliases = opts.aliases ?? {};
    const { fieldErrors: raw, otherMessages } = problemToFieldErrors(problem, [...opts.fields, ...Object.keys(aliases)]);
    const merged = new Map<string, string[]>();
    for (const e of raw) {
      const name = aliases[e.name] ?? e.name;
      merged.set(name, [...(merged.get(name) ?? []), ...e.errors]);
    }
    const fieldErrors = [...merged.entries()].map(([name, errors]) => ({ name, errors }));
    if (fieldErrors.length) {
      form.setFields(fieldErrors);
      form.scrollToField(fieldErrors[0].name);
    } else if (problem.status === 409 && opts.conflictField) {
      form.setFields([{ name: opts.conflictField, errors: [problem.detail ?? t('errors.conflict')] }]);
      form.scrollToField(opts.conflictField);
      return;
    }
    const text = otherMessages.join('; ') || (fieldErrors.length ? '' : problem.detail || problem.title || t('errors.saveFailed'));
    if (text) message.error(text);
  };
}
