// The five evaluation weights as one form control: a number per criterion and the running total.
import { InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EvaluationWeights } from '../../api/types';
import { CRITERIA } from '../../api/types';
import { weightsTotal } from './weights';

export type WeightsValue = Partial<Record<keyof EvaluationWeights, number | null>>;

export function WeightsInput({ value, onChange, id }: { value?: WeightsValue; onChange?: (v: WeightsValue) => void; id?: string }) {
  const { t } = useTranslation();
  const total = weightsTotal(value);
  return (
    <div id={id} data-testid="weights-input">
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(120px, 1fr))', gap: 8 }}>
        {CRITERIA.map((c) => (
          <label key={c} style={{ display: 'flex', flexDirection: 'column', gap: 4, minWidth: 0 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`enum.evaluationCriterion.${c}`)}
            </Typography.Text>
            <InputNumber
              min={0}
              max={100}
              precision={0}
              value={value?.[c] ?? null}
              onChange={(v) => onChange?.({ ...value, [c]: v })}
              id={id ? `${id}_${c}` : undefined}
              style={{ width: '100%' }}
            />
          </label>
        ))}
      </div>
      <Typography.Text type={total === 100 ? 'secondary' : 'danger'} style={{ display: 'block', marginTop: 4 }} data-testid="weights-total">
        {t('rotation.weights.total', { total })}
      </Typography.Text>
    </div>
  );
}
