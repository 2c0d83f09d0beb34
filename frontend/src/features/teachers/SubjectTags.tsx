import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { subjectLabel } from './labels';

/** Subjects as tags, in the UI language. */
export function SubjectTags({ subjects }: { subjects: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <Space size={[0, 4]} wrap>
      {subjects.map((s) => (
        <Tag key={s}>{subjectLabel(t, s)}</Tag>
      ))}
    </Space>
  );
}
