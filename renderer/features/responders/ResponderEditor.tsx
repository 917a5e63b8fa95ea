import { useId, useRef } from 'react';
import { SMS_ACK_MODES } from '../../../shared/presets';
import type { Responder, SmsAckMode } from '../../../shared/rules';
import { Labeled, ListInput, NumberInput } from './formControls';
import { ResponsesEditor } from './ResponsesEditor';
import { defaultResponder, parseIdList } from './ruleFormat';

type Kind = Responder['kind'];
type SmsAck = Extract<Responder, { kind: 'sms-ack' }>;
type SdkResponse = Extract<Responder, { kind: 'sdk-response' }>;

const KINDS: readonly { kind: Kind; label: string; description: string }[] = [
  {
    kind: 'responses',
    label: 'Own responses',
    description: 'Answers with the responses below: templated status, headers and body, or a fault.',
  },
  {
    kind: 'sms-ack',
    label: 'SMS status acknowledgement',
    description:
      'Answers a status batch with [{"id_sms":…}] for the ids it acknowledges. The gateway re-sends any status whose id is left out, up to 5 attempts.',
  },
  {
    kind: 'sdk-response',
    label: 'SDK messaging response',
    description:
      'Answers SMS/PUSH notifications with status_code, status_desc, error_message and delivery_id. A malformed request gets 901 automatically.',
  },
  {
    kind: 'smartico-reverse',
    label: 'Reverse integration endpoint',
    description:
      'Accepts the CRM platform’s POST JSON or GET query calls and answers 200 {"ok":true}; the capture’s findings say what is missing or malformed. No settings.',
  },
];

const SDK_CODES: readonly { code: SdkResponse['statusCode']; label: string }[] = [
  { code: '000', label: '000 — completed successfully' },
  { code: '001', label: '001 — delivery queued' },
  { code: '900', label: '900 — delivery not successful' },
  { code: '999', label: '999 — critical error' },
];

const formatIds = (ids: readonly string[]) => ids.join('\n');

function SmsAckSettings({ responder, onChange }: { responder: SmsAck; onChange: (r: SmsAck) => void }) {
  const listed = responder.mode === 'only-listed' || responder.mode === 'all-except-listed';
  return (
    <>
      <Labeled label="Acknowledge">
        {(id) => (
          <select
            id={id}
            className="input"
            value={responder.mode}
            onChange={(event) => onChange({ ...responder, mode: event.target.value as SmsAckMode })}
            data-testid="sms-ack-mode-select"
          >
            {SMS_ACK_MODES.map(({ mode, label }) => (
              <option key={mode} value={mode}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Labeled>
      {listed && (
        <Labeled label="Ids" hint="One per line, or separated by commas or spaces. Kept exact, however long.">
          {(id, hintId) => (
            <ListInput
              id={id}
              multiline
              className="input-mono"
              aria-describedby={hintId}
              value={responder.ids}
              parse={parseIdList}
              format={formatIds}
              onChange={(ids) => onChange({ ...responder, ids })}
              testId="sms-ack-ids-input"
            />
          )}
        </Labeled>
      )}
      {responder.mode === 'percentage' && (
        <div className="rule-grid">
          <Labeled
            label="Percentage acknowledged"
            hint="From 0 to 100; decimals allowed, such as 12.5."
            field="responder.percentage"
          >
            {(id, describedBy, invalid) => (
              <NumberInput
                id={id}
                aria-describedby={describedBy}
                invalid={invalid}
                decimals
                value={responder.percentage}
                onChange={(percentage) => onChange({ ...responder, percentage })}
                data-testid="sms-ack-percentage-input"
              />
            )}
          </Labeled>
          <Labeled label="Seed" hint="The same seed picks the same ids every time." field="responder.seed">
            {(id, describedBy, invalid) => (
              <NumberInput
                id={id}
                aria-describedby={describedBy}
                invalid={invalid}
                value={responder.seed}
                onChange={(seed) => onChange({ ...responder, seed })}
              />
            )}
          </Labeled>
        </div>
      )}
    </>
  );
}

function SdkSettings({
  responder,
  onChange,
}: {
  responder: SdkResponse;
  onChange: (r: SdkResponse) => void;
}) {
  return (
    <div className="rule-grid">
      <Labeled label="Status code">
        {(id) => (
          <select
            id={id}
            className="input"
            value={responder.statusCode}
            onChange={(event) =>
              onChange({ ...responder, statusCode: event.target.value as SdkResponse['statusCode'] })
            }
            data-testid="sdk-status-select"
          >
            {SDK_CODES.map(({ code, label }) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Labeled>
      <Labeled label="Bearer token" hint="When set, requests must carry Authorization: Bearer <token>.">
        {(id, hintId) => (
          <input
            id={id}
            className="input input-mono"
            aria-describedby={hintId}
            value={responder.bearerToken ?? ''}
            placeholder="No authorization required"
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => onChange({ ...responder, bearerToken: event.target.value || null })}
          />
        )}
      </Labeled>
    </div>
  );
}

interface ResponderEditorProps {
  responder: Responder;
  onChange: (responder: Responder) => void;
}

/** What answers a matched request: the rule's own responses or one of the integration presets. */
export function ResponderEditor({ responder, onChange }: ResponderEditorProps) {
  const titleId = useId();
  // Settings of kinds switched away from, so switching back does not lose them.
  const previous = useRef(new Map<Kind, Responder>());
  const description = KINDS.find((entry) => entry.kind === responder.kind)?.description;

  const switchKind = (kind: Kind) => {
    previous.current.set(responder.kind, responder);
    onChange(previous.current.get(kind) ?? defaultResponder(kind));
  };

  return (
    <section className="rule-section" aria-labelledby={titleId}>
      <h3 id={titleId} className="rule-section-title">
        Answer
      </h3>
      <Labeled label="Responder" hint={description}>
        {(id, hintId) => (
          <select
            id={id}
            className="input input-narrow"
            aria-describedby={hintId}
            value={responder.kind}
            onChange={(event) => switchKind(event.target.value as Kind)}
            data-testid="responder-kind-select"
          >
            {KINDS.map(({ kind, label }) => (
              <option key={kind} value={kind}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Labeled>
      {responder.kind === 'responses' && <ResponsesEditor responder={responder} onChange={onChange} />}
      {responder.kind === 'sms-ack' && <SmsAckSettings responder={responder} onChange={onChange} />}
      {responder.kind === 'sdk-response' && <SdkSettings responder={responder} onChange={onChange} />}
    </section>
  );
}
