import { CircleAlert, Info, TriangleAlert } from 'lucide-react';
import type { Finding } from '../../../shared/domain';

const ICONS = { error: CircleAlert, warning: TriangleAlert, info: Info } as const;

/** What validation and the responder found about the request; nothing is shown when all is well. */
export function Findings({ findings }: { findings: readonly Finding[] }) {
  if (findings.length === 0) return null;
  return (
    <section className="detail-section" aria-label="Findings">
      <h3 className="section-title">
        Findings <span className="count">{findings.length}</span>
      </h3>
      <ul className="findings" data-testid="findings">
        {findings.map((finding, index) => {
          const Icon = ICONS[finding.severity];
          return (
            // Findings have no id; the list is fixed for a capture.
            // biome-ignore lint/suspicious/noArrayIndexKey: findings are immutable per capture
            <li key={index} className={`finding finding-${finding.severity}`} data-testid="finding">
              <Icon size={14} aria-hidden className="finding-icon" />
              <span className="visually-hidden">{finding.severity}: </span>
              <span className="finding-message">{finding.message}</span>
              {finding.path && <code className="finding-path">{finding.path}</code>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
