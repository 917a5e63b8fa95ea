import type { Fault, ResponseVariant, TemplateMode } from '../../../shared/rules';
import { Labeled, NumberInput } from './formControls';
import { HeaderPairsEditor } from './HeaderPairsEditor';
import { TemplateField } from './TemplateField';

type FaultKind = Fault['kind'] | 'none';

const FAULTS: readonly { kind: FaultKind; label: string }[] = [
  { kind: 'none', label: 'None' },
  { kind: 'close', label: 'Close the connection' },
  { kind: 'reset', label: 'Reset (TCP RST)' },
  { kind: 'hang', label: 'Hang (never answer)' },
  { kind: 'trickle', label: 'Trickle slowly' },
  { kind: 'invalid-json', label: 'Invalid JSON' },
];

function faultFor(kind: FaultKind): Fault | null {
  switch (kind) {
    case 'none':
      return null;
    case 'trickle':
      return { kind: 'trickle', chunkBytes: 1, intervalMs: 100 };
    default:
      return { kind };
  }
}

interface VariantEditorProps {
  variant: ResponseVariant;
  index: number;
  /** Shows the weight field (weighted mode only). */
  weighted: boolean;
  onChange: (variant: ResponseVariant) => void;
}

/** Test ids name the first response plainly and the others with their number. */
export function variantTestId(base: string, index: number): string {
  return index === 0 ? base : `${base}-${index + 1}`;
}

/** One response a rule can give: status, headers, templated body, or a fault instead. */
export function VariantEditor({ variant, index, weighted, onChange }: VariantEditorProps) {
  const edit = (patch: Partial<ResponseVariant>) => onChange({ ...variant, ...patch });
  const fault = variant.fault;
  // Where this response's problems are filed (see ruleChecks).
  const field = `responder.responses.${index}`;

  return (
    <div className="variant-body">
      <div className="rule-grid rule-grid-variant">
        <Labeled label="Status" field={`${field}.status`}>
          {(id, describedBy, invalid) => (
            <NumberInput
              id={id}
              aria-describedby={describedBy}
              invalid={invalid}
              className="input-mono"
              value={variant.status}
              onChange={(status) => edit({ status })}
              data-testid={variantTestId('response-status-input', index)}
            />
          )}
        </Labeled>
        {weighted && (
          <Labeled label="Weight" hint="Chance relative to the other weights." field={`${field}.weight`}>
            {(id, describedBy, invalid) => (
              <NumberInput
                id={id}
                aria-describedby={describedBy}
                invalid={invalid}
                decimals
                value={variant.weight}
                onChange={(weight) => edit({ weight })}
              />
            )}
          </Labeled>
        )}
        <Labeled label="Body mode">
          {(id) => (
            <select
              id={id}
              className="input"
              value={variant.bodyMode}
              onChange={(event) => edit({ bodyMode: event.target.value as TemplateMode })}
            >
              <option value="json-safe">JSON-safe</option>
              <option value="raw">Raw (no escaping)</option>
            </select>
          )}
        </Labeled>
        <Labeled label="Fault">
          {(id) => (
            <select
              id={id}
              className="input"
              value={fault?.kind ?? 'none'}
              onChange={(event) => edit({ fault: faultFor(event.target.value as FaultKind) })}
              data-testid={variantTestId('response-fault-select', index)}
            >
              {FAULTS.map(({ kind, label }) => (
                <option key={kind} value={kind}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Labeled>
      </div>
      {fault?.kind === 'trickle' && (
        <div className="rule-grid">
          <Labeled label="Bytes per chunk" field={`${field}.fault.chunkBytes`}>
            {(id, describedBy, invalid) => (
              <NumberInput
                id={id}
                aria-describedby={describedBy}
                invalid={invalid}
                value={fault.chunkBytes}
                onChange={(chunkBytes) => edit({ fault: { ...fault, chunkBytes } })}
              />
            )}
          </Labeled>
          <Labeled label="Interval (ms)" field={`${field}.fault.intervalMs`}>
            {(id, describedBy, invalid) => (
              <NumberInput
                id={id}
                aria-describedby={describedBy}
                invalid={invalid}
                value={fault.intervalMs}
                onChange={(intervalMs) => edit({ fault: { ...fault, intervalMs } })}
              />
            )}
          </Labeled>
        </div>
      )}
      {(fault?.kind === 'close' || fault?.kind === 'reset' || fault?.kind === 'hang') && (
        <p className="rule-field-hint">
          With this fault nothing is sent, so the status, headers and body are not used.
        </p>
      )}
      <TemplateField
        label="Body template"
        value={variant.body}
        mode={variant.bodyMode}
        onChange={(body) => edit({ body })}
        editorTestId={variantTestId('response-body-editor', index)}
        problemsTestId={variantTestId('template-problems', index)}
      />
      <HeaderPairsEditor
        label="Response headers"
        headers={variant.headers}
        valuePlaceholder="Value (may use {{…}})"
        onChange={(headers) => edit({ headers })}
      />
    </div>
  );
}
