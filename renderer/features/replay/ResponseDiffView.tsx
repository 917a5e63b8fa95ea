import type { JsonDifference, ResponseDiff } from '../../../shared/replay';

function statusText(status: number | null): string {
  return status === null ? 'no answer' : String(status);
}

const KIND_WORDS: Record<JsonDifference['kind'], string> = {
  added: 'only right',
  removed: 'only left',
  changed: 'changed',
};

function HeaderDifferences({ diff }: { diff: ResponseDiff }) {
  if (diff.headers.length === 0) {
    return (
      <p className="muted" data-testid="diff-headers-same">
        Headers match (Date, Content-Length and connection headers are left out of the comparison).
      </p>
    );
  }
  return (
    <table className="replay-diff-table" aria-label="Header differences">
      <thead>
        <tr>
          <th scope="col">Header</th>
          <th scope="col">Left</th>
          <th scope="col">Right</th>
        </tr>
      </thead>
      <tbody>
        {diff.headers.map((header) => (
          <tr key={header.name.toLowerCase()} data-testid="diff-header-row">
            <th scope="row">{header.name}</th>
            <td className={header.left.length === 0 ? 'muted' : undefined}>
              {header.left.length === 0 ? 'absent' : header.left.join(', ')}
            </td>
            <td className={header.right.length === 0 ? 'muted' : undefined}>
              {header.right.length === 0 ? 'absent' : header.right.join(', ')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function JsonDifferences({ differences }: { differences: readonly JsonDifference[] }) {
  if (differences.length === 0) {
    return (
      <p className="replay-same" data-testid="diff-body-verdict">
        The JSON bodies are equal.
      </p>
    );
  }
  return (
    <table className="replay-diff-table" aria-label="JSON differences">
      <thead>
        <tr>
          <th scope="col">Path</th>
          <th scope="col">Left</th>
          <th scope="col">Right</th>
        </tr>
      </thead>
      <tbody>
        {differences.map((difference) => (
          <tr
            key={`${difference.kind}:${difference.path}`}
            data-testid="diff-row"
            data-kind={difference.kind}
          >
            <th scope="row">
              <code>{difference.path}</code>
              <span className="replay-diff-kind">{KIND_WORDS[difference.kind]}</span>
            </th>
            <td>
              {difference.left === null ? (
                <span className="muted">absent</span>
              ) : (
                <code>{difference.left}</code>
              )}
            </td>
            <td>
              {difference.right === null ? (
                <span className="muted">absent</span>
              ) : (
                <code>{difference.right}</code>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Two responses side by side: status, header differences, and the body (structurally for JSON). */
export function ResponseDiffView({ diff }: { diff: ResponseDiff }) {
  return (
    <div className="replay-diff" data-testid="replay-diff">
      <div className="replay-diff-sides">
        <p className="replay-diff-label">
          <span className="muted">Left</span> {diff.left.label}
        </p>
        <p className="replay-diff-label">
          <span className="muted">Right</span> {diff.right.label}
        </p>
      </div>
      <h4 className="replay-subtitle">Status</h4>
      <div
        className={diff.statusChanged ? 'replay-diff-status replay-diff-changed' : 'replay-diff-status'}
        data-testid="diff-status"
        data-changed={diff.statusChanged ? 'true' : 'false'}
      >
        <span data-testid="diff-status-left">{statusText(diff.left.status)}</span>
        <span aria-hidden>→</span>
        <span data-testid="diff-status-right">{statusText(diff.right.status)}</span>
        <span className="muted">{diff.statusChanged ? 'changed' : 'same'}</span>
      </div>
      <h4 className="replay-subtitle">Headers</h4>
      <HeaderDifferences diff={diff} />
      <h4 className="replay-subtitle">Body</h4>
      {diff.bodyKind === 'json' ? (
        <JsonDifferences differences={diff.json} />
      ) : (
        <p className={diff.bodyEqual ? 'replay-same' : 'replay-differ'} data-testid="diff-body-verdict">
          {diff.bodyEqual ? 'The bodies are identical.' : 'The bodies differ.'}
        </p>
      )}
      <div className="replay-diff-sides">
        <pre className="code-block replay-pre" title="Left body" data-testid="diff-left-body">
          {diff.left.bodyText === '' ? '(no body)' : diff.left.bodyText}
        </pre>
        <pre className="code-block replay-pre" title="Right body" data-testid="diff-right-body">
          {diff.right.bodyText === '' ? '(no body)' : diff.right.bodyText}
        </pre>
      </div>
    </div>
  );
}
