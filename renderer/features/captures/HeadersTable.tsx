import type { HeaderPair } from '../../../shared/domain';

interface HeadersTableProps {
  headers: readonly HeaderPair[];
  testId: string;
  label: string;
}

/** Headers exactly as they crossed the wire: order, case and repeats are kept. */
export function HeadersTable({ headers, testId, label }: HeadersTableProps) {
  if (headers.length === 0) return <p className="muted">No headers.</p>;
  return (
    <table className="headers-table" data-testid={testId} aria-label={label}>
      <thead className="visually-hidden">
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {headers.map(([name, value], index) => (
          // Repeated names are legitimate, so the position is the only stable identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: header lists are immutable per capture
          <tr key={index} data-testid="header-row">
            <th scope="row" className="header-name">
              {name}
            </th>
            <td className="header-value">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
