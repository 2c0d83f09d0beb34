// How a scope reads for people: a label and one line on what it opens, in either language.
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IntegrationScope } from '../../api/types';
import { isScope, sortScopes } from './scopes';

const SCOPE_TEXT = {
  'schools:read': 'integration.scopeInfo.schools.read',
  'teachers:read': 'integration.scopeInfo.teachers.read',
  'agreements:read': 'integration.scopeInfo.agreements.read',
  'agreements:write': 'integration.scopeInfo.agreements.write',
  'meetings:read': 'integration.scopeInfo.meetings.read',
  'meetings:write': 'integration.scopeInfo.meetings.write',
  'rotations:read': 'integration.scopeInfo.rotations.read',
  'rotations:write': 'integration.scopeInfo.rotations.write',
  'checkins:write': 'integration.scopeInfo.checkins.write',
  'reports:read': 'integration.scopeInfo.reports.read',
} as const satisfies Record<IntegrationScope, string>;

/** A scope's label and description ("读取学校", "区域和学校名录"); a scope this app does not know reads as itself. */
export function useScopeText() {
  const { t } = useTranslation();
  return (scope: string): { label: string; help: string } =>
    isScope(scope)
      ? { label: t(`${SCOPE_TEXT[scope]}.label`), help: t(`${SCOPE_TEXT[scope]}.help`) }
      : { label: scope, help: '' };
}

/** A client's scopes as tags, in the server's order; hovering one names the scope and what it opens. */
export function ScopeTags({ scopes }: { scopes: readonly string[] }) {
  const text = useScopeText();
  return (
    <span className="integration-scopes" data-testid="client-scopes">
      {sortScopes(scopes).map((s) => {
        const { label, help } = text(s);
        return (
          <Tooltip key={s} title={help ? `${s} — ${help}` : s}>
            <Tag data-scope={s}>{label}</Tag>
          </Tooltip>
        );
      })}
    </span>
  );
}
