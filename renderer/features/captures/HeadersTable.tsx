import type { HeaderPair } from '../../../shared/domain';
import { NameValueTable } from './NameValueTable';

interface HeadersTableProps {
  headers: readonly HeaderPair[];
  testId: string;
  label: string;
}

/** Headers exactly as they crossed the wire: order, case and repeats are kept. */
export function HeadersTable({ headers, testId, label }: HeadersTableProps) {
  return (
    <NameValueTable
      pairs={headers}
      name={([name]) => name}
      value={([, value]) => value}
      empty="No headers."
      className="headers-table"
      testId={testId}
      rowTestId="header-row"
      label={label}
    />
  );
}
