import type { FormField } from '../../../lib/formUrlEncoded';
import { NameValueTable } from '../NameValueTable';

interface FieldsTableProps {
  fields: readonly FormField[];
  testId: string;
  view: string;
}

/** Form or query fields in the order sent, repeated names kept, values decoded (the raw text on hover). */
export function FieldsTable({ fields, testId, view }: FieldsTableProps) {
  return (
    <NameValueTable
      pairs={fields}
      name={(field) => field.name}
      value={(field) => (field.value === '' ? <span className="muted">(empty)</span> : field.value)}
      title={(field) => field.raw}
      empty="No fields."
      className="headers-table fields-table"
      testId={testId}
      rowTestId="field-row"
      nameTestId="field-name"
      valueTestId="field-value"
      view={view}
    />
  );
}
