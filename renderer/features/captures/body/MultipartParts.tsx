import { Download, FileText } from 'lucide-react';
import { PART_TEXT_PREVIEW, type RenderResult } from '../../../lib/bodyRender';
import { downloadFile, safeFileName } from '../../../lib/download';
import { formatBytes } from '../../../lib/format';
import { HeadersTable } from '../HeadersTable';

type Parts = Extract<RenderResult, { shape: 'parts' }>;

interface MultipartPartsProps {
  result: Parts;
  /** The whole body: a part is saved from its exact byte range. */
  bytes: Uint8Array;
  testId: string;
}

/** Each part with its headers; text fields as text, files as size, a preview and a Save button. */
export function MultipartParts({ result, bytes, testId }: MultipartPartsProps) {
  const save = (part: Parts['parts'][number], index: number) => {
    const name = safeFileName(part.filename ?? part.name ?? '', `part-${index + 1}.bin`);
    downloadFile(name, bytes.slice(part.start, part.end), part.contentType ?? 'application/octet-stream');
  };
  return (
    <div className="multipart" data-testid={testId} data-view="multipart">
      {result.problems.map((problem) => (
        <p key={problem} className="body-warning">
          {problem}
        </p>
      ))}
      {result.parts.length === 0 && <p className="muted">No parts.</p>}
      {result.parts.map((part, index) => {
        const size = part.end - part.start;
        const isFile = part.filename !== null;
        const clipped = size > PART_TEXT_PREVIEW;
        return (
          // A part's byte offset is unique within the body.
          <section
            key={part.start}
            className="multipart-part"
            data-testid="multipart-part"
            aria-label={`Part ${index + 1}`}
          >
            <header className="multipart-part-header">
              <FileText size={14} aria-hidden />
              <strong data-testid="part-name">{part.name ?? `Part ${index + 1}`}</strong>
              {isFile && <span className="part-filename">{part.filename}</span>}
              {part.contentType && <code className="muted">{part.contentType}</code>}
              <span className="muted">{formatBytes(size)}</span>
              {(isFile || clipped || part.previewKind === 'hex') && (
                <button
                  type="button"
                  className="button button-small"
                  data-testid="part-save"
                  onClick={() => save(part, index)}
                >
                  <Download size={14} aria-hidden />
                  Save
                </button>
              )}
            </header>
            {part.headers.length > 0 && (
              <details className="multipart-headers">
                <summary>Headers ({part.headers.length})</summary>
                <HeadersTable
                  headers={part.headers}
                  testId="part-headers"
                  label={`Headers of part ${index + 1}`}
                />
              </details>
            )}
            <pre className={`payload payload-${part.previewKind}`} data-testid="part-preview">
              {part.preview}
            </pre>
            {clipped && (
              <p className="muted">
                The first {formatBytes(part.previewKind === 'text' ? PART_TEXT_PREVIEW : 256)}; Save has the
                whole part.
              </p>
            )}
          </section>
        );
      })}
    </div>
  );
}
