// Test data shared by this feature's unit tests (not imported by the app).
import type { Assessment, AssessmentItem, AssessmentRow, ItemScore } from '../../api/types';

export function item(id: number, over: Partial<AssessmentItem> = {}): AssessmentItem {
  return { id, position: id, title: `item ${id}`, guidance: '', max_points: '10.00', source: 'manual', target: null, ...over };
}

export function row(agreementId: number, over: Partial<AssessmentRow> = {}, items: ItemScore[] = []): AssessmentRow {
  return {
    assessment_id: 1,
    agreement_id: agreementId,
    title: `pair ${agreementId}`,
    supporting_school_id: agreementId * 10,
    supporting_school_name: `S${agreementId}`,
    receiving_school_id: agreementId * 10 + 1,
    receiving_school_name: `R${agreementId}`,
    items,
    total: '0.00',
    rank: 1,
    below_threshold: false,
    complete: true,
    remarks: '',
    sheet_version: 0,
    ...over,
  };
}

export function assessment(over: Partial<Assessment> = {}): Assessment {
  return {
    id: 1,
    programme_id: 1,
    programme_name: 'P',
    school_year: 2026,
    title: 'A',
    pass_threshold: '60.00',
    max_total: '100.00',
    status: 'draft',
    published_at: null,
    items: [],
    allowed_actions: ['edit', 'score', 'publish'],
    version: 1,
    created_at: '2026-09-01T00:00:00Z',
    ...over,
  };
}
