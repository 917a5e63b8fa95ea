import { CircleCheck, CircleX, Info } from 'lucide-react';
import { useLayoutEffect, useRef } from 'react';
import type { Diagnosis } from '../../../../shared/doctor';
import { Ticks } from './Ticks';

interface AdviceItem {
  title: string;
  explanation: string;
  fix: string;
  line?: number;
  column?: number;
}

function Advice({ item }: { item: AdviceItem }) {
  return (
    <>
      <h4 className="advice-title">
        {item.title}
        {item.line !== undefined && item.column !== undefined && (
          <span className="advice-where">
            line {item.line}, column {item.column}
          </span>
        )}
      </h4>
      <p className="advice-explanation">
        <Ticks text={item.explanation} />
      </p>
      <p className="advice-fix">
        <strong>Fix:</strong> <Ticks text={item.fix} />
      </p>
    </>
  );
}

/**
 * The line around the error with the caret under it. The character the caret points at is also
 * marked, which stays exact where the caret line cannot (an emoji or a CJK character is two
 * columns wide), and the excerpt scrolls to it: on a one-line body the error is often far right.
 */
function Excerpt({ excerpt, caret }: { excerpt: string; caret: string }) {
  const box = useRef<HTMLPreElement>(null);
  const mark = useRef<HTMLSpanElement>(null);
  const chars = Array.from(excerpt);
  const at = caret.length - 1;
  useLayoutEffect(() => {
    const pre = box.current;
    const char = mark.current;
    if (!pre || !char) return;
    pre.scrollLeft = Math.max(0, char.offsetLeft - pre.clientWidth / 2);
  });
  // Whitespace matters: the caret line is aligned under the excerpt character for character.
  return (
    <pre className="doctor-excerpt" data-testid="doctor-excerpt" ref={box}>
      {chars.slice(0, at).join('')}
      {at < chars.length && (
        <span className="doctor-excerpt-at" ref={mark}>
          {chars[at]}
        </span>
      )}
      {chars.slice(at + 1).join('')}
      {`\n${caret}`}
    </pre>
  );
}

/** The JSON doctor's diagnosis: where the first error is, the likely causes with fixes, and warnings. */
export function DoctorReport({ diagnosis }: { diagnosis: Diagnosis }) {
  return (
    <div className="doctor" data-testid="doctor">
      {diagnosis.valid && diagnosis.kind === 'json' && (
        <p className="doctor-ok" data-testid="doctor-ok">
          <CircleCheck size={14} aria-hidden /> Valid JSON
          {diagnosis.documents > 1
            ? ` (${diagnosis.documents} documents)`
            : ` (top level: ${diagnosis.topLevel})`}
          .
        </p>
      )}
      {diagnosis.valid && diagnosis.kind === 'not-json' && (
        <p className="doctor-not-json muted" data-testid="doctor-not-json">
          <Info size={14} aria-hidden /> {diagnosis.reason}
        </p>
      )}
      {!diagnosis.valid && (
        <>
          <p className="doctor-error" data-testid="doctor-error">
            <CircleX size={14} aria-hidden /> Invalid JSON at line {diagnosis.error.line}, column{' '}
            {diagnosis.error.column} (byte {diagnosis.error.offset})
          </p>
          <Excerpt excerpt={diagnosis.error.excerpt} caret={diagnosis.error.caret} />
          <p className="doctor-message" data-testid="doctor-message">
            {diagnosis.error.message}
          </p>
          {diagnosis.causes.length > 0 && (
            <>
              <h3 className="section-title">
                {diagnosis.causes.length === 1 ? 'Likely cause' : 'Likely causes, most likely first'}
              </h3>
              <ol className="advice-list">
                {diagnosis.causes.map((cause) => (
                  <li key={cause.id} className="advice" data-testid="doctor-cause" data-cause-id={cause.id}>
                    <Advice item={cause} />
                  </li>
                ))}
              </ol>
            </>
          )}
        </>
      )}
      {diagnosis.warnings.length > 0 && (
        <>
          <h3 className="section-title">
            Warnings <span className="count">{diagnosis.warnings.length}</span>
          </h3>
          <ul className="advice-list">
            {diagnosis.warnings.map((warning) => (
              <li
                key={`${warning.id}:${warning.offset ?? ''}`}
                className="advice advice-warning"
                data-testid="doctor-warning"
                data-warning-id={warning.id}
              >
                <Advice item={warning} />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
