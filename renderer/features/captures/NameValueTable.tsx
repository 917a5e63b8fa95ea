import type { ReactNode } from 'react';

interface NameValueTableProps<T> {
  pairs: readonly T[];
  name: (pair: T) => ReactNode;
  value: (pair: T) => ReactNode;
  /** The row's tooltip, when there is one. */
  title?: (pair: T) => string;
  /** What stands in for the table when there are no pairs. */
  empty: string;
  className: string;
  testId: string;
  rowTestId: string;
  nameTestId?: string;
  valueTestId?: string;
  label?: string;
  view?: string;
}

/** Names and values in the order they came, repeated names kept: headers, form and query fields. */
export function NameValueTable<T>({
  pairs,
  name,
  value,
  title,
  empty,
  className,
  testId,
  rowTestId,
  nameTestId,
  valueTestId,
  label,
  view,
}: NameValueTableProps<T>) {
  if (pairs.length === 0) return <p className="muted">{empty}</p>;
  return (
    <table className={className} data-testid={testId} data-view={view} aria-label={label}>
      <thead className="visually-hidden">
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {pairs.map((pair, index) => (
          // Repeated names are legitimate, so the position is the only stable identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: pair lists are immutable per capture or body
          <tr key={index} data-testid={rowTestId} title={title?.(pair)}>
            <th scope="row" className="header-name" data-testid={nameTestId}>
              {name(pair)}
            </th>
            <td className="header-value" data-testid={valueTestId}>
              {value(pair)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
