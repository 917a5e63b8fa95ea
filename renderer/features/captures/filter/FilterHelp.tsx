/** The filter language's terms (shared/filter.ts), each with an example that can be added with a click. */
const TERMS: readonly { example: string; meaning: string }[] = [
  { example: 'method:POST,PUT', meaning: 'one of these methods' },
  { example: 'path:/sms', meaning: 'path contains the text' },
  { example: 'status:4xx', meaning: 'a status class, a code (404), a range (200-299), or 0: not answered' },
  { example: 'header:x-signature', meaning: 'has the header; header:"name=value" also matches its value' },
  {
    example: 'body:"RND Flow"',
    meaning: 'the body contains the text (quotes for spaces), also gzip-compressed, \\u-escaped or %-encoded',
  },
  {
    example: 'kind:sms-status-batch',
    meaning: 'recognised kind: sms-status-batch, smartico-reverse, sdk-message, none',
  },
  {
    example: 'valid:no',
    meaning: 'recognised payloads that do (yes) or do not (no) match their documented shape',
  },
  { example: 'bucket:some-secret', meaning: 'sent to /echo-send/<bucket>/' },
  { example: 'is:pinned', meaning: 'pinned captures (is:truncated: bodies cut at the limit)' },
  { example: 'after:2026-11-01', meaning: 'received after a date or time; before: too ("2026-11-21 12:00")' },
  {
    example: '$.campaign_name="RND Flow"',
    meaning: 'a JSON path equals a value; != and ~ (contains) work too',
  },
  { example: '$[*].id_sms=3234', meaning: 'any array item matches' },
  { example: '$.login', meaning: 'the JSON path exists' },
  { example: 'needle', meaning: 'anything else: found in the path or the body' },
];

interface FilterHelpProps {
  id: string;
  onPick: (term: string) => void;
  onClose: () => void;
}

export function FilterHelp({ id, onPick, onClose }: FilterHelpProps) {
  return (
    <div
      id={id}
      className="filter-help"
      data-testid="filter-help"
      role="dialog"
      aria-label="Filter terms"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <p className="filter-help-intro">
        Terms are separated by spaces and must all match. Click one to add it.
      </p>
      <dl className="filter-help-terms">
        {TERMS.map((term) => (
          <div key={term.example} className="filter-help-term">
            <dt>
              <button type="button" className="filter-help-pick" onClick={() => onPick(term.example)}>
                <code>{term.example}</code>
              </button>
            </dt>
            <dd>{term.meaning}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
