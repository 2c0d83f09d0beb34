// Friendly names for the schemas of the rotation reports. src/api/types.ts is generated-adjacent and
// shared, so this feature keeps its aliases here (same style: only this file names schemas).
import type { components } from '../../api/schema';

type Schemas = components['schemas'];

export type RotationCompliance = Schemas['RotationCompliance'];
export type RotationComplianceRow = Schemas['RotationComplianceRow'];
export type RotationComplianceSummary = Schemas['RotationComplianceSummary'];
export type RosterRow = Schemas['RosterRow'];
export type ArchiveRow = Schemas['RotationArchiveRow'];
export type ServiceLedgerRow = Schemas['ServiceLedgerRow'];
export type ServiceRecord = Schemas['ServiceRecord'];
export type CompletedRotation = Schemas['RotationRead'];
export type RotationStatus = Schemas['RotationStatus'];

export const ROTATION_STATUSES = ['planned', 'approved', 'active', 'completed', 'withdrawn'] as const satisfies readonly RotationStatus[];
