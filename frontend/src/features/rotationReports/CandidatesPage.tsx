// Whom to plan from: a supporting school's eligible teachers with no rotation in the school year,
// the gap still to close on top, Excel, and the way to the proposal page.
import { useMemo } from 'react';
import { Alert, Button, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { RotationComplianceRow, Teacher } from '../../api/types';
import { useAccess } from '../../app/auth';
import { BackButton } from '../../components/BackButton';
import { DataList } from '../../components/DataList';
import { ExportButton } from '../../components/ExportButton';
import { FilterBar } from '../../components/FilterBar';
import { RowLink } from '../../components/ListPageHeader';
import { PageHeader } from '../../components/PageHeader';
import { LoadError } from '../../components/Results';
import { useResourceList } from '../../components/useResourceList';
import { formatDate } from '../../lib/format';
import { intOrUndefined, type ListState } from '../../lib/listState';
import { useSchool } from '../schools/queries';
import { SchoolFilter } from '../schools/SchoolSelect';
import { SubjectTags } from '../teachers/SubjectTags';
import { subjectLabel } from '../teachers/labels';
import { pickSchoolYear, yearsSince } from './figures';
import { useSchoolYearLabel } from './parts';
import { CANDIDATE_FILTERS, candidateParams, useRotationCompliance, useRotationCandidates } from './queries';

function GapNote({ row, year }: { row: RotationComplianceRow; year: string }) {
  const { t } = useTranslation();
  const done = row.gap === 0 && row.backbone_gap === 0;
  return (
    <Alert
      showIcon
      type={done ? 'success' : row.status === 'at_risk' ? 'warning' : 'error'}
      style={{ marginBottom: 12 }}
      data-testid="candidates-gap"
      data-gap={row.gap}
      title={
        done
          ? t('rotationReport.candidates.met', { year })
          : t('rotationReport.candidates.gap', { year, gap: row.gap, backboneGap: row.backbone_gap })
      }
      description={t('rotationReport.candidates.figures', {
        eligible: row.eligible_teachers,
        required: row.required,
        rotated: row.rotated,
        planned: row.planned,
        backboneRotated: row.backbone_rotated,
        backboneRequired: row.backbone_required,
      })}
    />
  );
}

export default function CandidatesPage() {
  const { t } = useTranslation();
  const access = useAccess();
  const navigate = useNavigate();
  const yearLabel = useSchoolYearLabel();
  const today = useMemo(() => new Date(), []);
  const toParams = useMemo(() => (s: ListState) => candidateParams(s, pickSchoolYear(s.filters.school_year, today)), [today]);
  const list = useResourceList(CANDIDATE_FILTERS, toParams);
  const { state, sortable, params } = list;
  const schoolId = intOrUndefined(state.filters.school_id) ?? access.fixedSchoolId ?? undefined;
  const effective = { ...params, school_id: schoolId };
  const query = useRotationCandidates(effective);
  const report = useRotationCompliance({ school_year: params.school_year, programme_id: params.programme_id });
  const row = report.data?.rows.find((r) => r.school_id === schoolId);
  const school = useSchool(schoolId !== undefined && !row ? schoolId : null);
  const schoolName = row?.school_name ?? school.data?.name;
  const year = yearLabel(params.school_year);
  const onSeptember = `${params.school_year}-09-01`;

  const canPropose = access.can('rotations.propose') && schoolId !== undefined && (access.fixedSchoolId === null || access.fixedSchoolId === schoolId);
  const propose = canPropose ? (
    <Link to={`/rotations/new?from_school_id=${schoolId}`} data-testid="candidates-propose">
      <Button type="primary" icon={<PlusOutlined />}>
        {t('rotationReport.propose')}
      </Button>
    </Link>
  ) : null;
  const back = `/compliance/rotations?school_year=${params.school_year}${params.programme_id !== undefined ? `&programme_id=${params.programme_id}` : ''}`;

  if (query.error && !query.data) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;

  return (
    <>
      <PageHeader
        back={<BackButton to={back} />}
        title={schoolName ? t('rotationReport.candidates.titleOf', { school: schoolName, year }) : t('rotationReport.candidates.title', { year })}
        extra={
          <>
            <ExportButton
              resource="compliance/rotations/candidates"
              params={effective}
              filenameBase={
                schoolName
                  ? t('rotationReport.candidates.exportNameOf', { school: schoolName, year: params.school_year })
                  : t('rotationReport.candidates.exportName', { year: params.school_year })
              }
            />
            {propose}
          </>
        }
      />
      <Typography.Paragraph type="secondary">
        {t('rotationReport.candidates.explain', {
          years: report.data?.rotation_eligibility_years ?? 6,
          since: formatDate(report.data?.eligible_since ?? null),
        })}
      </Typography.Paragraph>
      {row && <GapNote row={row} year={year} />}
      <FilterBar list={list} searchPlaceholder={t('rotationReport.searchTeacher')}>
        {access.fixedSchoolId === null && (
          <SchoolFilter placeholder={t('rotationReport.school')} {...list.filter('school_id')} />
        )}
      </FilterBar>
      <DataList<Teacher>
        testId="candidate-list"
        rowKey="id"
        {...list.dataListProps(query)}
        // the school and the year are the page's subject, not filters that found nothing
        hasFilters={state.q !== ''}
        onClearFilters={() => list.update({ q: '' })}
        emptyText={t('rotationReport.candidates.empty')}
        onOpen={(x) => void navigate(`/teachers/${x.id}`)}
        columns={[
          {
            title: t('rotationReport.teacher'),
            dataIndex: 'name',
            ...sortable('name'),
            render: (v: string, x) => <RowLink to={`/teachers/${x.id}`}>{v}</RowLink>,
          },
          ...(schoolId === undefined ? [{ title: t('rotationReport.school'), dataIndex: 'school_name' }] : []),
          { title: t('rotationReport.subjects'), dataIndex: 'subjects', render: (v: string[]) => <SubjectTags subjects={v} /> },
          {
            title: t('rotationReport.titleRank'),
            dataIndex: 'title_rank',
            ...sortable('title_rank'),
            render: (v: Teacher['title_rank']) => t(`enum.titleRank.${v}`),
          },
          {
            title: t('rotationReport.backboneLevel'),
            dataIndex: 'backbone_level',
            ...sortable('backbone_level'),
            render: (v: Teacher['backbone_level']) => (v === 'none' ? t('enum.backbone.none') : <Tag color="blue">{t(`enum.backbone.${v}`)}</Tag>),
          },
          {
            title: t('rotationReport.candidates.hireDate'),
            dataIndex: 'hire_date',
            ...sortable('hire_date'),
            render: (v: string) => (
              <span>
                {formatDate(v)}{' '}
                <Typography.Text type="secondary">{t('rotationReport.candidates.years', { count: yearsSince(v, onSeptember) })}</Typography.Text>
              </span>
            ),
          },
        ]}
        renderCard={(x) => (
          <>
            <Space size={4} wrap>
              <Typography.Text strong>{x.name}</Typography.Text>
              {x.backbone_level !== 'none' && <Tag color="blue">{t(`enum.backbone.${x.backbone_level}`)}</Tag>}
            </Space>
            <div>
              <Typography.Text type="secondary">
                {t(`enum.titleRank.${x.title_rank}`)} · {t('rotationReport.candidates.years', { count: yearsSince(x.hire_date, onSeptember) })}
              </Typography.Text>
            </div>
            <Typography.Text type="secondary">{x.subjects.map((s) => subjectLabel(t, s)).join(t('common.listSeparator'))}</Typography.Text>
          </>
        )}
      />
    </>
  );
}
