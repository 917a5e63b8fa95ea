import { CircleHelp, X } from 'lucide-react';
import { useId, useRef } from 'react';
import type { HelperDescription } from '../../../shared/templates';

export interface TemplateVariable {
  name: string;
  description: string;
}

interface TemplateHelpProps {
  /** Null while the helper descriptions load. */
  helpers: readonly HelperDescription[] | null;
  variables: readonly TemplateVariable[];
  /** One paragraph on how values are written (e.g. the json-safe escaping). */
  intro?: string;
}

/**
 * A help popover next to a template editor: the data a template sees and every
 * helper with an example. Uses the native popover, which closes on Escape and
 * on a click outside without any script here.
 */
export function TemplateHelp({ helpers, variables, intro }: TemplateHelpProps) {
  const id = useId();
  const popoverId = `${id}-template-help`;
  const titleId = `${id}-title`;
  const popoverRef = useRef<HTMLDivElement>(null);

  return (
    <>
      <button
        type="button"
        className="button button-quiet button-small"
        popoverTarget={popoverId}
        data-testid="template-help-button"
      >
        <CircleHelp size={14} aria-hidden />
        Template help
      </button>
      <div
        ref={popoverRef}
        id={popoverId}
        popover="auto"
        className="template-help"
        role="dialog"
        aria-labelledby={titleId}
      >
        <div className="template-help-head">
          <h2 id={titleId} className="template-help-title">
            Template help
          </h2>
          <button
            type="button"
            className="button button-quiet button-small"
            aria-label="Close the template help"
            onClick={() => popoverRef.current?.hidePopover()}
          >
            <X size={14} aria-hidden />
          </button>
        </div>
        {intro && <p className="template-help-intro">{intro}</p>}
        <h3 className="template-help-subtitle">Data</h3>
        <dl className="template-help-list">
          {variables.map((variable) => (
            <div key={variable.name}>
              <dt>
                <code>{`{{${variable.name}}}`}</code>
              </dt>
              <dd>{variable.description}</dd>
            </div>
          ))}
        </dl>
        <h3 className="template-help-subtitle">Helpers</h3>
        {helpers === null ? (
          <p className="muted">Loading the helpers…</p>
        ) : (
          <dl className="template-help-list">
            {helpers.map((helper) => (
              <div key={helper.name}>
                <dt>
                  <code>{helper.signature}</code>
                </dt>
                <dd>
                  {helper.description} <code className="template-help-example">{helper.example}</code>
                </dd>
              </div>
            ))}
          </dl>
        )}
      </div>
    </>
  );
}
