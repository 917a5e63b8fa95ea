import type { FormField } from '../../../lib/formUrlEncoded';

interface FieldsTableProps {
  fields: readonly FormField[];
  testId: string;
  view: string;
}

/** Form or query fields in the order sent, repeated names kept, values decoded (the raw text on hover). */
export function FieldsTable({ fields, testId, view }: FieldsTableProps) {
  if (fields.length === 0) return <p className="muted">No fields.</p>;
  return (
    <table className="headers-table fields-table" data-testid={testId} data-view={view}>
      <thead className="visually-hidden">
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((field, index) => (
          // Repeated names are legitimate, so the position is the only stable identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: field lists are immutable per body
          <tr key={index} data-testid="field-row" title={field.raw}>
            <th scope="row" className="header-name" data-testid="field-name">
              {field.name}
            </th>
            <td className="header-value" data-testid="field-value">
              {field.value === '' ? <span className="muted">(empty)</span> : field.value}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
