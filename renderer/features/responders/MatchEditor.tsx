import { useId, useRef } from 'react';
import type {
  BodyJsonCondition,
  FieldCondition,
  PathMatch,
  PayloadKind,
  RuleMatch,
} from '../../../shared/rules';
import { type Condition, ConditionList } from './ConditionList';
import { Labeled, ListInput } from './formControls';
import { formatMethods, PAYLOAD_KIND_LABELS, parseMethods } from './ruleFormat';

const PATH_KINDS: readonly { kind: PathMatch['kind']; label: string }[] = [
  { kind: 'any', label: 'Any path' },
  { kind: 'exact', label: 'Exactly' },
  { kind: 'prefix', label: 'Starts with' },
  { kind: 'pattern', label: 'Pattern' },
];

const PATH_HINTS: Record<PathMatch['kind'], string> = {
  any: 'Every path matches.',
  exact: 'The path must be exactly this (the query string is not part of it).',
  prefix: 'The path must start with this.',
  pattern:
    'Segments like /sms/:account/status; :name captures a segment as request.params.name, a trailing * matches the rest.',
};

const fromField = (condition: FieldCondition): Condition => ({
  target: condition.name,
  test: condition.test,
  value: condition.value ?? '',
});
const toField = (condition: Condition): FieldCondition => ({
  name: condition.target,
  test: condition.test,
  value: condition.value,
});
const fromJson = (condition: BodyJsonCondition): Condition => ({
  target: condition.path,
  test: condition.test,
  value: condition.value ?? '',
});
const toJson = (condition: Condition): BodyJsonCondition => ({
  path: condition.target,
  test: condition.test,
  value: condition.value,
});

interface MatchEditorProps {
  match: RuleMatch;
  onChange: (match: RuleMatch) => void;
}

/** When a rule applies: every condition set here must hold. */
export function MatchEditor({ match, onChange }: MatchEditorProps) {
  // Switching to "any path" and back should not lose the path the user typed.
  const titleId = useId();
  const lastPath = useRef(match.path.kind === 'any' ? '/' : match.path.value);
  const edit = (patch: Partial<RuleMatch>) => onChange({ ...match, ...patch });

  const setPathKind = (kind: PathMatch['kind']) => {
    if (match.path.kind !== 'any') lastPath.current = match.path.value;
    edit({ path: kind === 'any' ? { kind } : { kind, value: lastPath.current } });
  };

  const bodyTextTest = match.bodyText?.test ?? 'none';

  return (
    <section className="rule-section" aria-labelledby={titleId}>
      <h3 id={titleId} className="rule-section-title">
        Match
      </h3>
      <div className="rule-grid">
        <Labeled label="Methods" hint="Comma or space separated; empty matches any method.">
          {(id, hintId) => (
            <ListInput
              id={id}
              className="input-mono"
              aria-describedby={hintId}
              placeholder="Any method"
              value={match.methods}
              parse={parseMethods}
              format={formatMethods}
              onChange={(methods) => edit({ methods })}
              testId="method-input"
            />
          )}
        </Labeled>
        <Labeled label="Payload kind" hint="The integration Hookbench recognised the body as.">
          {(id, hintId) => (
            <select
              id={id}
              className="input"
              aria-describedby={hintId}
              value={match.payloadKind ?? ''}
              onChange={(event) => edit({ payloadKind: (event.target.value || null) as PayloadKind | null })}
              data-testid="payload-kind-select"
            >
              <option value="">Any body</option>
              {Object.entries(PAYLOAD_KIND_LABELS).map(([kind, label]) => (
                <option key={kind} value={kind}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Labeled>
      </div>
      <div className="rule-grid rule-grid-path">
        <Labeled label="Path">
          {(id) => (
            <select
              id={id}
              className="input"
              value={match.path.kind}
              onChange={(event) => setPathKind(event.target.value as PathMatch['kind'])}
              data-testid="path-kind-select"
            >
              {PATH_KINDS.map(({ kind, label }) => (
                <option key={kind} value={kind}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Labeled>
        <Labeled label="Path value" hint={PATH_HINTS[match.path.kind]} field="match.path.value">
          {(id, describedBy, invalid) => (
            <input
              id={id}
              className="input input-mono"
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              disabled={match.path.kind === 'any'}
              value={match.path.kind === 'any' ? '' : match.path.value}
              placeholder={match.path.kind === 'any' ? 'Any path' : '/path'}
              spellCheck={false}
              autoComplete="off"
              onChange={(event) =>
                match.path.kind !== 'any' &&
                edit({ path: { kind: match.path.kind, value: event.target.value } })
              }
              data-testid="path-value-input"
            />
          )}
        </Labeled>
      </div>
      <ConditionList
        label="Query parameters"
        targetLabel="Parameter"
        targetPlaceholder="name"
        addLabel="Add query condition"
        conditions={match.query.map(fromField)}
        onChange={(rows) => edit({ query: rows.map(toField) })}
        testId="query-conditions"
        field="match.query"
        targetKey="name"
      />
      <ConditionList
        label="Headers"
        targetLabel="Header"
        targetPlaceholder="X-Header-Name"
        addLabel="Add header condition"
        hint="Header names match whatever their case."
        conditions={match.headers.map(fromField)}
        onChange={(rows) => edit({ headers: rows.map(toField) })}
        testId="header-conditions"
        field="match.headers"
        targetKey="name"
      />
      <ConditionList
        label="Body JSON"
        targetLabel="JSON path"
        targetPlaceholder="$.campaign_name or $[*].id_sms"
        addLabel="Add JSON condition"
        hint="Passes when any value the path selects passes the test."
        conditions={match.bodyJson.map(fromJson)}
        onChange={(rows) => edit({ bodyJson: rows.map(toJson) })}
        testId="body-json-conditions"
        field="match.bodyJson"
        targetKey="path"
      />
      <div className="rule-grid rule-grid-path">
        <Labeled label="Body text">
          {(id) => (
            <select
              id={id}
              className="input"
              value={bodyTextTest}
              onChange={(event) => {
                const test = event.target.value;
                edit({
                  bodyText:
                    test === 'contains' || test === 'regex'
                      ? { test, value: match.bodyText?.value ?? '' }
                      : null,
                });
              }}
            >
              <option value="none">Any text</option>
              <option value="contains">Contains</option>
              <option value="regex">Matches regex</option>
            </select>
          )}
        </Labeled>
        <Labeled label="Body text value" field="match.bodyText.value">
          {(id, describedBy, invalid) => (
            <input
              id={id}
              className="input input-mono"
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              disabled={match.bodyText === null}
              value={match.bodyText?.value ?? ''}
              spellCheck={false}
              autoComplete="off"
              onChange={(event) =>
                match.bodyText && edit({ bodyText: { ...match.bodyText, value: event.target.value } })
              }
            />
          )}
        </Labeled>
      </div>
    </section>
  );
}
