import { ArrowDown, ArrowUp, Plus, X } from 'lucide-react';
import type { ResponseVariant } from '../../../shared/rules';
import { Labeled } from './formControls';
import { VariantEditor } from './VariantEditor';

type ResponsesResponder = {
  kind: 'responses';
  mode: 'sequential' | 'random' | 'weighted';
  responses: ResponseVariant[];
};

const MODE_HINTS: Record<ResponsesResponder['mode'], string> = {
  sequential:
    'In order, one per request; the last one repeats. [500, 500, 200] means "fail twice, then succeed". Saving the rule starts the sequence over.',
  random: 'Any one of them, picked at random for each request.',
  weighted: 'Picked at random for each request, in proportion to their weights.',
};

interface ResponsesEditorProps {
  responder: ResponsesResponder;
  onChange: (responder: ResponsesResponder) => void;
}

function statusSequence(responses: readonly ResponseVariant[]): string {
  return responses.map((response) => (response.fault ? response.fault.kind : response.status)).join(' → ');
}

/** The rule's own responses and how one is picked for each request. */
export function ResponsesEditor({ responder, onChange }: ResponsesEditorProps) {
  const { responses, mode } = responder;
  const setResponses = (next: ResponseVariant[]) => onChange({ ...responder, responses: next });

  const move = (index: number, step: -1 | 1) => {
    const target = index + step;
    const next = [...responses];
    const a = next[index];
    const b = next[target];
    if (!a || !b) return;
    next[index] = b;
    next[target] = a;
    setResponses(next);
  };

  const add = () => {
    const last = responses[responses.length - 1];
    // A copy of the last response is usually closer to what is wanted next than a blank one.
    const base: ResponseVariant = last
      ? { ...last, headers: last.headers.map(([name, value]) => [name, value]) }
      : {
          status: 200,
          headers: [['Content-Type', 'application/json; charset=utf-8']],
          body: '{"ok":true}',
          bodyMode: 'json-safe',
          fault: null,
          weight: 1,
        };
    setResponses([...responses, base]);
  };

  return (
    <div className="responses-editor">
      <Labeled label="Pick" hint={MODE_HINTS[mode]}>
        {(id, hintId) => (
          <select
            id={id}
            className="input input-narrow"
            aria-describedby={hintId}
            value={mode}
            onChange={(event) =>
              onChange({ ...responder, mode: event.target.value as ResponsesResponder['mode'] })
            }
            data-testid="responses-mode-select"
          >
            <option value="sequential">In order (last repeats)</option>
            <option value="random">At random</option>
            <option value="weighted">Weighted random</option>
          </select>
        )}
      </Labeled>
      {mode === 'sequential' && responses.length > 1 && (
        <p className="rule-field-hint">Sequence: {statusSequence(responses)} (repeats)</p>
      )}
      <ol className="variant-list">
        {responses.map((variant, index) => (
          // Responses have no id; their place in the list is what the sequence uses.
          // biome-ignore lint/suspicious/noArrayIndexKey: position is the identity of a response
          <li key={index} className="variant" data-testid="response-variant">
            <div className="variant-head">
              <h4 className="variant-title">Response {index + 1}</h4>
              <div className="variant-actions">
                <button
                  type="button"
                  className="button button-quiet button-small"
                  aria-label={`Move response ${index + 1} up`}
                  title="Move up"
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                >
                  <ArrowUp size={14} aria-hidden />
                </button>
                <button
                  type="button"
                  className="button button-quiet button-small"
                  aria-label={`Move response ${index + 1} down`}
                  title="Move down"
                  disabled={index === responses.length - 1}
                  onClick={() => move(index, 1)}
                >
                  <ArrowDown size={14} aria-hidden />
                </button>
                <button
                  type="button"
                  className="button button-quiet button-small"
                  aria-label={`Remove response ${index + 1}`}
                  title={responses.length === 1 ? 'A rule needs at least one response' : 'Remove'}
                  disabled={responses.length === 1}
                  onClick={() => setResponses(responses.filter((_, i) => i !== index))}
                >
                  <X size={14} aria-hidden />
                </button>
              </div>
            </div>
            <VariantEditor
              variant={variant}
              index={index}
              weighted={mode === 'weighted'}
              onChange={(next) => setResponses(responses.map((item, i) => (i === index ? next : item)))}
            />
          </li>
        ))}
      </ol>
      <button type="button" className="button button-small" onClick={add} data-testid="add-response">
        <Plus size={14} aria-hidden />
        Add response
      </button>
    </div>
  );
}
