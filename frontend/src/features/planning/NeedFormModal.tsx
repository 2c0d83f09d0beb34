// Record or change a staffing need (缺编需求): the subject a school lacks teachers of, for a term or the
// whole school year, how many and how urgently. The bureau admin picks the school; a school admin
// records for their own. The stage defaults to the school's; a stale edit (412) asks to reload.
import { useMemo } from 'react';
import { AutoComplete, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Need, NeedPriority, NeedUpdate, Stage, Term } from '../../api/types';
import { NEED_PRIORITIES, STAGES, SUBJECTS, TERMS } from '../../api/types';
import { RecordModal } from '../../components/RecordModal';
import { changedFields } from '../../lib/diff';
import { schoolYearChoices } from '../rotationReports/figures';
import { SchoolSelect } from '../schools/SchoolSelect';
import { subjectLabel } from '../teachers/labels';
import { currentSchoolYear } from './model';
import { useSchoolYearText } from './parts';
import { useSaveNeed } from './queries';

interface NeedValues {
  school_id?: number;
  school_year: number;
  term: Term;
  subject: string;
  stage?: Stage;
  count: number;
  priority: NeedPriority;
  notes: string;
}

const FIELDS = ['school_id', 'school_year', 'term', 'subject', 'stage', 'count', 'priority', 'notes'] as const;

export function NeedFormModal({
  need,
  pickSchool,
  defaultYear,
  onClose,
}: {
  /** The need to change; none: record a new one. */
  need?: Need;
  /** The bureau admin chooses the school; a school admin's needs are their own school's. */
  pickSchool: boolean;
  /** The school year the list shows (a new need is for it). */
  defaultYear?: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<NeedValues>();
  const save = useSaveNeed();
  const yearText = useSchoolYearText();
  const today = useMemo(() => new Date(), []);
  const years = schoolYearChoices(today, 1, 1);
  const initialYear = need?.school_year ?? defaultYear ?? currentSchoolYear(today);
  const yearOptions = (years.includes(initialYear) ? years : [initialYear, ...years]).map((y) => ({ value: y, label: yearText(y) }));

  const submit = async (v: NeedValues) => {
    const notes = (v.notes ?? '').trim();
    const subject = v.subject.trim();
    if (need) {
      // the school of a recorded need stays; the rest is sent when changed
      const body = changedFields<NeedUpdate>(need, {
        school_year: v.school_year,
        term: v.term,
        subject,
        stage: v.stage,
        count: v.count,
        priority: v.priority,
        notes,
      });
      if (Object.keys(body).length === 0) return need;
      return save.mutateAsync({ kind: 'update', id: need.id, version: need.version, body });
    }
    return save.mutateAsync({
      kind: 'create',
      body: {
        ...(pickSchool ? { school_id: v.school_id } : {}),
        school_year: v.school_year,
        term: v.term,
        subject,
        ...(v.stage ? { stage: v.stage } : {}),
        count: v.count,
        priority: v.priority,
        notes,
      },
    });
  };

  return (
    <RecordModal<NeedValues>
      form={form}
      fields={FIELDS}
      isEdit={need !== undefined}
      title={need ? t('planning.need.editTitle') : t('planning.need.newTitle')}
      busy={save.isPending}
      save={submit}
      onClose={onClose}
    >
      <Form<NeedValues>
        form={form}
        layout="vertical"
        data-testid="need-form"
        initialValues={{
          school_year: initialYear,
          term: need?.term ?? 'year',
          subject: need?.subject ?? '',
          stage: need?.stage,
          count: need?.count ?? 1,
          priority: need?.priority ?? 'normal',
          notes: need?.notes ?? '',
        }}
      >
        {need ? (
          <Form.Item label={t('planning.need.school')}>
            <Typography.Text data-testid="need-form-school">{need.school_name}</Typography.Text>
          </Form.Item>
        ) : pickSchool ? (
          <Form.Item name="school_id" label={t('planning.need.school')} rules={[{ required: true, message: t('planning.need.schoolRequired') }]}>
            <SchoolSelect />
          </Form.Item>
        ) : (
          <Typography.Paragraph type="secondary">{t('planning.need.ownSchoolHelp')}</Typography.Paragraph>
        )}
        <Form.Item name="subject" label={t('planning.need.subject')} rules={[{ required: true, whitespace: true, message: t('planning.need.subjectRequired') }, { max: 30 }]}>
          <AutoComplete
            options={SUBJECTS.map((s) => ({ value: s, label: subjectLabel(t, s) }))}
            placeholder={t('planning.need.subjectPlaceholder')}
            showSearch={{ filterOption: (input, option) => (option?.value ?? '').includes(input.trim()) || String(option?.label ?? '').toLowerCase().includes(input.trim().toLowerCase()) }}
            maxLength={30}
          />
        </Form.Item>
        <Form.Item name="school_year" label={t('planning.schoolYear')} rules={[{ required: true }]}>
          <Select options={yearOptions} />
        </Form.Item>
        <Form.Item name="term" label={t('planning.need.term')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" options={TERMS.map((x) => ({ value: x, label: t(`enum.term.${x}`) }))} />
        </Form.Item>
        <Form.Item name="count" label={t('planning.need.count')} extra={t('planning.need.countHelp')} rules={[{ required: true, message: t('planning.need.countRequired') }]}>
          <InputNumber min={1} max={50} precision={0} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="priority" label={t('planning.need.priority')} extra={t('planning.need.priorityHelp')}>
          <Radio.Group options={NEED_PRIORITIES.map((p) => ({ value: p, label: t(`enum.needPriority.${p}`) }))} />
        </Form.Item>
        <Form.Item name="stage" label={t('planning.need.stage')} extra={t('planning.need.stageHelp')}>
          <Select allowClear placeholder={t('planning.need.stageDefault')} options={STAGES.map((s) => ({ value: s, label: t(`enum.stage.${s}`) }))} />
        </Form.Item>
        <Form.Item name="notes" label={t('planning.need.notes')} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={3} maxLength={1000} placeholder={t('planning.need.notesPlaceholder')} />
        </Form.Item>
      </Form>
    </RecordModal>
  );
}
