// 评分表: the assessment's items — title, guidance, maximum, where the points come from and the target
// earning full points — with full marks. While a draft, the bureau admin edits it in place (add, remove,
// reorder, change source, target and maximum; the title and the pass mark) and saves it as a whole
// (PATCH, If-Match); full marks add up live.
import { Button, Card, Col, Form, Input, InputNumber, Popconfirm, Row, Select, Space, Table, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Assessment, AssessmentItem, AssessmentSource } from '../../api/types';
import { ASSESSMENT_SOURCES } from '../../api/types';
import { ApiError } from '../../api/problem';
import { useFormErrors } from '../../components/useFormErrors';
import { useFeedback } from '../../app/feedback';
import { formValuesOf, maxTotalOf, newItem, updateBody, type FormValues, type ItemValues } from './formEditor';
import { listFieldErrors, showListErrors } from './formErrors';
import { SourceTag } from './parts';
import { formatPoints, targetUse, toCents } from './points';
import { useUpdateAssessment } from './queries';
import { twoDecimals } from './rules';

const MAX_ITEMS = 40;

function useTargetText() {
  const { t } = useTranslation();
  return (source: AssessmentSource, target: number | null): string => {
    if (source === 'manual') return t('assessment.target.manual');
    if (source === 'meetings') return t('assessment.target.meetings');
    if (source === 'goals' && target === null) return t('assessment.target.goalsDue');
    return t(`assessment.target.${source}`, { count: target ?? 0 });
  };
}

function ItemsTable({ assessment: a }: { assessment: Assessment }) {
  const { t } = useTranslation();
  const targetText = useTargetText();
  const items = [...a.items].sort((x, y) => x.position - y.position);
  return (
    <>
      <Typography.Paragraph data-testid="form-marks">
        {t('assessment.passOfMaxText', { pass: formatPoints(a.pass_threshold), max: formatPoints(a.max_total) })}
      </Typography.Paragraph>
      <Table<AssessmentItem>
        data-testid="form-items"
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '#', key: 'n', width: 40, render: (_: unknown, _i, index) => index + 1 },
          {
            title: t('assessment.item.title'),
            key: 'title',
            render: (_: unknown, i) => (
              <div style={{ maxWidth: 420, whiteSpace: 'normal' }}>
                <Typography.Text strong>{i.title}</Typography.Text>
                {i.guidance && (
                  <div>
                    <Typography.Text type="secondary">{i.guidance}</Typography.Text>
                  </div>
                )}
              </div>
            ),
          },
          { title: t('assessment.item.source'), dataIndex: 'source', render: (s: AssessmentSource) => <SourceTag source={s} /> },
          { title: t('assessment.item.target'), key: 'target', render: (_: unknown, i) => targetText(i.source, i.target) },
          { title: t('assessment.item.maxPoints'), dataIndex: 'max_points', align: 'right', render: (v: string) => formatPoints(v) },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={4}>
              <Typography.Text strong>{t('assessment.maxTotal')}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <Typography.Text strong data-testid="form-max-total">
                {formatPoints(a.max_total)}
              </Typography.Text>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </>
  );
}

function ItemFields({ name, index, count, move, remove }: { name: number; index: number; count: number; move: (from: number, to: number) => void; remove: (i: number) => void }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      style={{ marginBottom: 8 }}
      data-testid="form-item"
      title={t('assessment.itemN', { n: index + 1 })}
      extra={
        <Space size={0}>
          <Button type="text" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, index - 1)} aria-label={t('assessment.moveUp')} data-testid="item-up" />
          <Button type="text" icon={<ArrowDownOutlined />} disabled={index === count - 1} onClick={() => move(index, index + 1)} aria-label={t('assessment.moveDown')} data-testid="item-down" />
          <Popconfirm
            title={t('assessment.removeItemTitle')}
            description={t('assessment.removeItemHelp')}
            okText={t('common.remove')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            disabled={count <= 1}
            onConfirm={() => remove(index)}
          >
            <Button type="text" danger icon={<DeleteOutlined />} disabled={count <= 1} aria-label={t('assessment.removeItem')} data-testid="item-remove" />
          </Popconfirm>
        </Space>
      }
    >
      <Form.Item name={[name, 'id']} hidden>
        <Input />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={10}>
          <Form.Item name={[name, 'title']} label={t('assessment.item.title')} rules={[{ required: true, whitespace: true, message: t('assessment.item.titleRequired') }, { max: 200 }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item name={[name, 'source']} label={t('assessment.item.source')} rules={[{ required: true }]}>
            <Select options={ASSESSMENT_SOURCES.map((s) => ({ value: s, label: t(`enum.assessmentSource.${s}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item
            name={[name, 'max_points']}
            label={t('assessment.item.maxPoints')}
            rules={[{ required: true, message: t('assessment.item.maxRequired') }, twoDecimals(t('assessment.twoDecimals'))]}
          >
            <InputNumber min={0.5} max={1000} step={1} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={5}>
          <Form.Item noStyle dependencies={[['items', name, 'source']]}>
            {({ getFieldValue }) => {
              const source = getFieldValue(['items', name, 'source']) as AssessmentSource | undefined;
              const use = targetUse(source ?? 'manual');
              if (use === 'none') {
                return (
                  <Form.Item label={t('assessment.item.target')}>
                    <Typography.Text type="secondary">{t(`assessment.target.${source === 'meetings' ? 'meetings' : 'manual'}`)}</Typography.Text>
                  </Form.Item>
                );
              }
              return (
                <Form.Item
                  name={[name, 'target']}
                  label={t('assessment.item.target')}
                  tooltip={t(`assessment.targetHelp.${use}`)}
                  rules={[{ required: use === 'required', message: t('assessment.item.targetRequired') }]}
                >
                  <InputNumber min={1} max={10000} step={1} precision={0} placeholder={use === 'optional' ? t('assessment.target.goalsDue') : undefined} style={{ width: '100%' }} />
                </Form.Item>
              );
            }}
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name={[name, 'guidance']} label={t('assessment.item.guidance')} rules={[{ max: 2000 }]} style={{ marginBottom: 0 }}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </Card>
  );
}

function FormEditor({ assessment: a, onReload }: { assessment: Assessment; onReload: () => void }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<FormValues>();
  const update = useUpdateAssessment(a.id);
  const showErrors = useFormErrors(form, { fields: ['title', 'pass_threshold'], onReload });
  const items = Form.useWatch('items', form) as Partial<ItemValues>[] | undefined;
  const pass = Form.useWatch('pass_threshold', form) as number | null | undefined;
  const total = maxTotalOf(items ?? formValuesOf(a).items);
  const passAboveTotal = pass !== null && pass !== undefined && (toCents(pass) ?? 0) > (toCents(total) ?? 0);

  const onFinish = async (values: FormValues) => {
    try {
      await update.mutateAsync({ version: a.version, body: updateBody(values) });
      message.success(t('common.saved'));
    } catch (e) {
      if (e instanceof ApiError && e.status === 422) {
        const { fields, rest } = listFieldErrors(e.problem, 'items', (i) => ['items', i], 'target');
        showListErrors(form, fields);
        if (rest.length || !fields.length) showErrors(new ApiError({ ...e.problem, errors: rest }));
        return;
      }
      showErrors(e);
    }
  };

  return (
    <Form<FormValues> form={form} layout="vertical" initialValues={formValuesOf(a)} onFinish={(v) => void onFinish(v)} data-testid="form-editor">
      <Row gutter={12}>
        <Col xs={24} md={16}>
          <Form.Item name="title" label={t('assessment.title')} rules={[{ required: true, whitespace: true, message: t('assessment.titleRequired') }, { max: 100 }]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="pass_threshold"
            label={t('assessment.passThreshold')}
            rules={[{ required: true, message: t('assessment.passThresholdRequired') }, twoDecimals(t('assessment.twoDecimals'))]}
          >
            <InputNumber min={0} max={1000} step={1} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary">{t('assessment.editHelp')}</Typography.Paragraph>
      <Form.List
        name="items"
        rules={[{ validator: (_r, v: unknown[] | undefined) => ((v?.length ?? 0) > 0 ? Promise.resolve() : Promise.reject(new Error(t('assessment.itemsRequired')))) }]}
      >
        {(fields, { add, remove, move }, { errors }) => (
          <>
            {fields.map((field, index) => (
              <ItemFields key={field.key} name={field.name} index={index} count={fields.length} move={move} remove={remove} />
            ))}
            <Button type="dashed" block icon={<PlusOutlined />} disabled={fields.length >= MAX_ITEMS} onClick={() => add(newItem())} data-testid="item-add">
              {t('assessment.addItem')}
            </Button>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between', alignItems: 'center', marginTop: 16 }}>
        <Space orientation="vertical" size={0}>
          <Typography.Text strong data-testid="form-live-total" data-total={total}>
            {t('assessment.maxTotalLive', { total })}
          </Typography.Text>
          {passAboveTotal && <Typography.Text type="danger">{t('assessment.passAboveTotal')}</Typography.Text>}
        </Space>
        <Space wrap>
          <Button onClick={() => form.resetFields()} data-testid="form-reset">
            {t('assessment.resetForm')}
          </Button>
          <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="form-save">
            {t('assessment.saveForm')}
          </Button>
        </Space>
      </div>
    </Form>
  );
}

export function FormTab({ assessment, canEdit, onReload }: { assessment: Assessment; canEdit: boolean; onReload: () => void }) {
  if (!canEdit) return <ItemsTable assessment={assessment} />;
  // a fresh editor for every saved version (after a save, a reload or someone else's change)
  return <FormEditor key={assessment.version} assessment={assessment} onReload={onReload} />;
}
