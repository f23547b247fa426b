/** The engine's messages for one field, shown right under it. */
import type { ScenarioIssue } from '../../../models/scenario/issues.ts';

export function IssueText({ issues }: { issues: readonly ScenarioIssue[] }) {
  if (!issues.length) return null;
  return (
    <>
      {issues.map((issue, i) => (
        <div key={i} className={`issue ${issue.severity === 'warning' ? 'issue-warning' : ''}`} role="alert">
          {issue.message}
          {issue.fix ? ` — ${issue.fix}` : ''}
        </div>
      ))}
    </>
  );
}
