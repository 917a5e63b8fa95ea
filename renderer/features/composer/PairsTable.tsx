import type { HeaderPair } from '../../../shared/domain';

interface PairsTableProps {
  pairs: readonly HeaderPair[];
  label: string;
  empty: string;
  testId?: string;
}

/** Name/value pairs (headers, query parameters) in the order they are sent, repeats kept. */
export function PairsTable({ pairs, label, empty, testId }: PairsTableProps) {
  if (pairs.length === 0) return <p className="composer-hint">{empty}</p>;
  return (
    <table className="composer-pairs" aria-label={label} data-testid={testId}>
      <tbody>
        {pairs.map(([name, value], index) => (
          // Repeated names are legitimate and the order is what is sent, so the place is the identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list in wire order
          <tr key={index}>
            <th scope="row">{name}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
