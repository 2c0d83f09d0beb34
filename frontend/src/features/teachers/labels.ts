import type { TFunction } from 'i18next';
import { SUBJECTS } from '../../api/types';
import { oneOf } from '../../lib/listState';

/** Subjects are stored in Chinese; known ones are translated, others shown as entered. */
export function subjectLabel(t: TFunction, subject: string): string {
  const known = oneOf(SUBJECTS, subject);
  return known ? t(`subject.${known}`) : subject;
}
