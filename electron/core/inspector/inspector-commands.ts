import type { CommandHandlers } from '../../../shared/contract';
import { headerValue } from '../../../shared/headers';
import { diagnose } from '../doctor/index';
import { CoreError } from '../errors';
import type { CoreEvents } from '../events';
import { capturesToHar, DEFAULT_REDACTED_HEADERS, harToCaptures } from '../exchange/har';
import { captureToNdjson, looksLikeNdjson, ndjsonToCaptures } from '../exchange/ndjson';
import { recognizePayload } from '../recognition/recognize';
import type { NewCapture } from '../store/capture-record';
import type { CaptureStore } from '../store/capture-store';
import type { CaptureWriter } from '../store/capture-writer';
import { parseFilterOrThrow } from '../store/parse-filter';
import { decodeBody, decodedBytes } from './body-decode';
import { buildSmsTimeline, idsInBatch } from './sms-timeline';

type InspectorCommands = Pick<
  CommandHandlers,
  | 'getCaptureBody'
  | 'diagnoseCapture'
  | 'setCaptureMeta'
  | 'listBuckets'
  | 'getSmsTimeline'
  | 'exportCaptures'
  | 'importCaptures'
>;

/** The largest export the UI can ask for in one piece; the CLI streams any size. */
const MAX_UI_EXPORT = 50_000;

/** Commands that read captures closely: bodies, diagnoses, marks, buckets, timelines, files. */
export function createInspectorCommands(
  store: CaptureStore,
  writer: CaptureWriter,
  events: CoreEvents,
): InspectorCommands {
  const args = (request: unknown): Record<string, unknown> => {
    if (typeof request !== 'object' || request === null)
      throw new CoreError('bad_request', 'The request must be an object.');
    return request as Record<string, unknown>;
  };
  const capture = (id: unknown) => {
    if (!Number.isSafeInteger(id)) throw new CoreError('bad_request', 'id must be a capture id.');
    const found = store.get(id as number);
    if (!found) throw new CoreError('not_found', `Capture ${String(id)} no longer exists.`);
    return found;
  };

  return {
    getCaptureBody: async (request) => {
      const { id, side, decode, maxBytes } = args(request);
      const found = capture(id);
      const isResponse = side === 'response';
      const bytes = Buffer.from(isResponse ? found.response.bodyBase64 : found.bodyBase64, 'base64');
      const limit = typeof maxBytes === 'number' && maxBytes > 0 ? maxBytes : undefined;
      return decodeBody(bytes, isResponse ? found.response.headers : found.headers, decode === true, limit);
    },
    diagnoseCapture: async (request) => {
      const found = capture(args(request).id);
      const decoded = decodeBody(Buffer.from(found.bodyBase64, 'base64'), found.headers, true);
      const length = headerValue(found.headers, 'content-length');
      return diagnose({
        body: Buffer.from(decoded.bodyBase64, 'base64'),
        contentType: found.contentType,
        // The declared length counts encoded bytes; it only tells about truncation of an unencoded body.
        contentLength:
          decoded.decoded === null && length !== null && /^\d+$/.test(length) ? Number(length) : null,
      });
    },
    setCaptureMeta: async (request) => {
      const { id, pinned, note } = args(request);
      if (pinned !== undefined && typeof pinned !== 'boolean')
        throw new CoreError('bad_request', 'pinned must be true or false.');
      if (note !== undefined && note !== null && (typeof note !== 'string' || note.length > 10_000)) {
        throw new CoreError('bad_request', 'note must be text of at most 10,000 characters.');
      }
      capture(id);
      const summary = store.setMeta(id as number, {
        ...(pinned === undefined ? {} : { pinned }),
        ...(note === undefined ? {} : { note: note === '' ? null : (note as string | null) }),
      });
      if (!summary) throw new CoreError('not_found', `Capture ${String(id)} no longer exists.`);
      events.emit('captureUpdated', summary);
      return summary;
    },
    listBuckets: async () =>
      store
        .buckets()
        .map((b) => ({ name: b.name, count: b.count, lastReceivedAt: new Date(b.last).toISOString() })),
    getSmsTimeline: async (request) => {
      const { filter: text, forCapture, find } = request === undefined ? {} : args(request);
      const filter = parseFilterOrThrow(text);
      if (find !== undefined && typeof find !== 'string')
        throw new CoreError('bad_request', 'find must be the text of an id_sms.');
      let only: ((idSms: string) => boolean) | undefined;
      if (forCapture !== undefined) {
        if (!Number.isSafeInteger(forCapture))
          throw new CoreError('bad_request', 'forCapture must be a capture id.');
        const batch = store.request(forCapture as number);
        if (!batch) throw new CoreError('not_found', `Capture ${String(forCapture)} no longer exists.`);
        const ids = new Set(idsInBatch({ id: forCapture as number, receivedAt: 0, ...batch }));
        only = (idSms) => ids.has(idSms);
      } else if (find) {
        only = (idSms) => idSms.includes(find);
      }
      const allowed = Object.keys(filter).length > 0 ? new Set(store.idsMatching(filter)) : null;
      // Read lazily, a page at a time: a store of status batches need not fit in memory at once.
      function* batches() {
        for (const batch of store.bodiesOfKind('sms-status-batch'))
          if (allowed === null || allowed.has(batch.id)) yield batch;
      }
      return buildSmsTimeline(batches(), { only });
    },
    exportCaptures: async (request) => {
      const { ids, filter, format, redactHeaders } = args(request);
      if (format !== 'har' && format !== 'ndjson')
        throw new CoreError('bad_request', 'format must be "har" or "ndjson".');
      let selected: number[];
      if (Array.isArray(ids)) selected = ids.filter((id): id is number => Number.isSafeInteger(id));
      else selected = store.idsMatching(parseFilterOrThrow(filter));
      if (selected.length > MAX_UI_EXPORT) {
        throw new CoreError(
          'bad_request',
          `That is ${selected.length} captures; export at most ${MAX_UI_EXPORT} at once here, or use \`hookbench export\`.`,
        );
      }
      const details = selected.map((id) => store.get(id)).filter((d) => d !== null);
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      if (format === 'ndjson') {
        return {
          fileName: `hookbench-${stamp}.ndjson`,
          text: details.map((d) => `${captureToNdjson(d)}\n`).join(''),
          count: details.length,
        };
      }
      const redact = Array.isArray(redactHeaders) ? redactHeaders.map(String) : DEFAULT_REDACTED_HEADERS;
      return {
        fileName: `hookbench-${stamp}.har`,
        text: JSON.stringify(capturesToHar(details, redact), null, 2),
        count: details.length,
      };
    },
    importCaptures: async (request) => {
      const { text } = args(request);
      if (typeof text !== 'string')
        throw new CoreError('bad_request', 'text must be the content of a HAR or NDJSON file.');
      const file = capturesOfFile(text);
      // An NDJSON export carries what Hookbench said of each capture; a HAR entry is read anew.
      const captures =
        file.format === 'ndjson'
          ? file.captures
          : file.captures.map((c) => {
              const recognition = recognizePayload({
                method: c.method,
                path: c.path,
                contentType: headerValue(c.headers, 'content-type'),
                body: decodedBytes(c.body, c.headers),
              });
              return {
                ...c,
                kind: recognition.kind,
                valid: recognition.valid,
                findings: [...c.findings, ...recognition.findings],
              };
            });
      await Promise.all(captures.map((c) => writer.write(c)));
      return { imported: captures.length };
    },
  };
}

/** A HAR file's entries or an NDJSON export's lines (told apart by looksLikeNdjson), as captures. */
function capturesOfFile(text: string): { format: 'har' | 'ndjson'; captures: NewCapture[] } {
  // Some tools save files with a byte-order mark, which JSON.parse refuses.
  const clean = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return looksLikeNdjson(clean)
    ? { format: 'ndjson', captures: ndjsonToCaptures(clean) }
    : { format: 'har', captures: harToCaptures(clean) };
}
