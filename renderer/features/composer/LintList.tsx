import { CircleAlert, Info, TriangleAlert } from 'lucide-react';
import type { LintFinding, LintRule } from '../../../shared/composer';
import { partPlace } from './composerFormat';

const ICONS = { error: CircleAlert, warning: TriangleAlert, info: Info } as const;

const RULE_TITLES: Record<LintRule, string> = {
  'raw-mode-break': 'Breaks in platform (raw) mode',
  'number-unquoted': 'Number outside quotes',
  'number-as-string': 'Number sent as text',
  'string-looks-numeric': 'Text that looks like a number',
  'unknown-helper': 'Unknown helper',
  'missing-variable': 'Missing data',
  'get-body-not-object': 'GET needs a JSON object',
};

/** The lint of the rendered request: severity, what it is, where in the template, and advice in words. */
export function LintList({ findings }: { findings: readonly LintFinding[] }) {
  if (findings.length === 0)
    return (
      <p className="composer-hint" data-testid="lint-empty">
        No lint findings.
      </p>
    );
  return (
    <ul className="composer-lint" aria-label="Lint findings">
      {findings.map((finding) => {
        const Icon = ICONS[finding.severity];
        return (
          // One finding per rule and template site; the message tells apart headers at the same place.
          <li
            key={`${finding.rule}|${finding.part}|${finding.line}|${finding.column}|${finding.message}`}
            className={`composer-lint-item composer-lint-${finding.severity}`}
            data-testid="lint-item"
            data-severity={finding.severity}
            data-rule={finding.rule}
          >
            <Icon size={14} aria-hidden className="composer-lint-icon" />
            <div className="composer-lint-text">
              <p className="composer-lint-title">
                <span className="composer-lint-severity">{finding.severity}</span> {RULE_TITLES[finding.rule]}{' '}
                <span className="composer-lint-place">
                  ({partPlace(finding.part, finding.line, finding.column)})
                </span>
              </p>
              <p>{finding.message}</p>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
