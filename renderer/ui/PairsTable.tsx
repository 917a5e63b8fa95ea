import type { HeaderPair } from '../../shared/domain';

interface PairsTableProps {
  pairs: readonly HeaderPair[];
  label?: string;
  /** The words shown instead of an empty table; without them an empty table is drawn. */
  empty?: string;
  testId?: string;
  /** The compact monospaced look unless a screen has its own. */
  className?: string;
  emptyClassName?: string;
}

/** Name/value pairs (headers, query parameters) in the order they are sent, repeats kept. */
export function PairsTable({
  pairs,
  label,
  empty,
  testId,
  className = 'pairs-table',
  emptyClassName = 'muted',
}: PairsTableProps) {
  if (pairs.length === 0 && empty !== undefined) return <p className={emptyClassName}>{empty}</p>;
  return (
    <table className={className} aria-label={label} data-testid={testId}>
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
