import { useId } from 'react';
import type { Delay } from '../../../shared/rules';
import { Labeled, NumberInput } from './formControls';

interface BehaviourEditorProps {
  delay: Delay | null;
  cors: boolean;
  onDelayChange: (delay: Delay | null) => void;
  onCorsChange: (cors: boolean) => void;
}

/** Rule-wide behaviour: a delay before answering and the CORS switch. */
export function BehaviourEditor({ delay, cors, onDelayChange, onCorsChange }: BehaviourEditorProps) {
  const titleId = useId();
  return (
    <section className="rule-section" aria-labelledby={titleId}>
      <h3 id={titleId} className="rule-section-title">
        Behaviour
      </h3>
      <label className="check">
        <input
          type="checkbox"
          checked={delay !== null}
          onChange={(event) => onDelayChange(event.target.checked ? { minMs: 500, maxMs: 500 } : null)}
          data-testid="delay-toggle"
        />
        Delay the answer
      </label>
      {delay && (
        <div className="rule-grid">
          <Labeled label="At least (ms)" field="delay.minMs">
            {(id, describedBy, invalid) => (
              <NumberInput
                id={id}
                aria-describedby={describedBy}
                invalid={invalid}
                value={delay.minMs}
                onChange={(minMs) => onDelayChange({ ...delay, minMs })}
                data-testid="delay-min-input"
              />
            )}
          </Labeled>
          <Labeled
            label="At most (ms)"
            hint="Equal to the minimum for a fixed delay; otherwise random between."
            field="delay.maxMs"
          >
            {(id, describedBy, invalid) => (
              <NumberInput
                id={id}
                aria-describedby={describedBy}
                invalid={invalid}
                value={delay.maxMs}
                onChange={(maxMs) => onDelayChange({ ...delay, maxMs })}
                data-testid="delay-max-input"
              />
            )}
          </Labeled>
        </div>
      )}
      <label className="check">
        <input
          type="checkbox"
          checked={cors}
          onChange={(event) => onCorsChange(event.target.checked)}
          data-testid="cors-toggle"
        />
        CORS: add Access-Control-Allow-Origin and answer preflight (OPTIONS) requests
      </label>
    </section>
  );
}
