import type { HeaderPair } from '../../shared/domain';
import { bodyText } from '../lib/bodyText';
import { useDecodedBody } from '../lib/useDecodedBody';
import { CopyButton } from './CopyButton';

interface BodyBlockProps {
  base64: string;
  /** What the copy button copies, e.g. "the response body". */
  label: string;
  testId?: string;
  /** The message's headers: a compressed body is shown decoded. */
  headers?: readonly HeaderPair[];
  /** The screen's own class names, so each keeps its look. */
  classes: { block: string; head: string; pre: string; muted: string };
}

/** A sent or received body as text (or why it is not text), its size, and a copy button. */
export function BodyBlock({ base64, label, testId, headers = [], classes }: BodyBlockProps) {
  const decoded = useDecodedBody(base64, headers);
  const body = bodyText(decoded.base64);
  if (body.size === 0) return <p className={classes.muted}>No body.</p>;
  return (
    <div className={classes.block}>
      <div className={classes.head}>
        <span className={classes.muted}>
          {body.size} bytes{decoded.decodedFrom && `, decoded from ${decoded.decodedFrom}`}
        </span>
        {decoded.note && <span className={classes.muted}>{decoded.note}</span>}
        {body.isText && <CopyButton text={body.text} label={`Copy ${label}`} />}
      </div>
      <pre
        className={body.isText ? `code-block ${classes.pre}` : `code-block ${classes.pre} ${classes.muted}`}
        data-testid={testId}
      >
        {body.text}
      </pre>
    </div>
  );
}
