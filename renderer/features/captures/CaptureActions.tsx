import { Braces, ClipboardCopy, Star, Terminal, Trash } from 'lucide-react';
import { useState } from 'react';
import type { CaptureDetail } from '../../../shared/domain';
import { describeError } from '../../client';
import { base64ToBytes } from '../../lib/base64';
import { copyText } from '../../lib/clipboard';
import { buildCurl } from '../../lib/curl';
import { useCaptures, useInspector, useReceiver } from '../../state/StoresContext';
import { Notice } from '../../ui/Notice';
import { UseAsSampleButton } from '../composer/UseAsSampleButton';
import { ReplayCaptureButton } from '../replay/ReplayCaptureButton';
import { ActionButton } from './ActionButton';
import { NoteField } from './NoteField';

/** What can be done with the capture on show: copy it three ways, pin it, replay it, use it as sample data, note it, delete it. */
export function CaptureActions({ detail }: { detail: CaptureDetail }) {
  const setMeta = useCaptures((s) => s.setMeta);
  const deleteCapture = useCaptures((s) => s.deleteCapture);
  const busy = useCaptures((s) => s.busy);
  const getBody = useInspector((s) => s.getBody);
  const exportCaptures = useInspector((s) => s.exportCaptures);
  const receiverHost = useReceiver((s) => (s.status ? `${s.status.host}:${s.status.port}` : undefined));
  const [error, setError] = useState<string | null>(null);

  // The stored bytes exactly as received (Content-Encoding and all), so curl resends what arrived.
  const copyCurl = () =>
    copyText(
      buildCurl({
        method: detail.method,
        path: detail.path,
        headers: detail.headers,
        body: base64ToBytes(detail.bodyBase64),
        ...(receiverHost ? { fallbackHost: receiverHost } : {}),
      }),
    );

  const copyBody = async () => {
    const body = await getBody({ id: detail.id, side: 'request', decode: true });
    const bytes = base64ToBytes(body.bodyBase64);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      // A clipboard holds text: a binary body goes as base64 rather than as mangled characters.
      text = body.bodyBase64;
    }
    await copyText(text);
  };

  const copyJson = async () => {
    // The export's own object, so "copy as JSON" and an NDJSON export never disagree.
    const { text } = await exportCaptures({ ids: [detail.id], format: 'ndjson' });
    await copyText(text.trimEnd());
  };

  const togglePin = () => {
    setError(null);
    setMeta({ id: detail.id, pinned: !detail.pinned }).catch((reason: unknown) =>
      setError(describeError(reason, 'Could not change the pin.')),
    );
  };

  return (
    <div
      className="capture-actions"
      data-testid="capture-actions"
      role="toolbar"
      aria-label="Capture actions"
    >
      <button
        type="button"
        className={
          detail.pinned ? 'button button-small pin-toggle pin-toggle-on' : 'button button-small pin-toggle'
        }
        data-testid="pin-toggle"
        aria-pressed={detail.pinned}
        title={detail.pinned ? 'Unpin' : 'Pin: keeps it easy to find with is:pinned'}
        onClick={togglePin}
      >
        <Star size={14} aria-hidden fill={detail.pinned ? 'currentColor' : 'none'} />
        {detail.pinned ? 'Pinned' : 'Pin'}
      </button>
      <ActionButton
        testId="copy-curl"
        run={copyCurl}
        icon={<Terminal size={14} aria-hidden />}
        label="Copy as cURL"
        failedText="Copy failed"
        title={detail.truncated ? 'Copy as cURL (the body was truncated when received)' : 'Copy as cURL'}
      />
      <ActionButton
        testId="copy-body"
        run={copyBody}
        icon={<ClipboardCopy size={14} aria-hidden />}
        label="Copy body"
        failedText="Copy failed"
        disabled={detail.bodySize === 0}
      />
      <ActionButton
        testId="copy-json"
        run={copyJson}
        icon={<Braces size={14} aria-hidden />}
        label="Copy as JSON"
        failedText="Copy failed"
      />
      <ReplayCaptureButton captureId={detail.id} />
      <UseAsSampleButton captureId={detail.id} />
      <button
        type="button"
        className="button button-small"
        data-testid="delete-capture"
        disabled={busy !== null}
        onClick={() => void deleteCapture(detail.id)}
      >
        <Trash size={14} aria-hidden />
        Delete
      </button>
      <NoteField
        captureId={detail.id}
        note={detail.note}
        onSave={(note) => setMeta({ id: detail.id, note })}
      />
      {error && <Notice onDismiss={() => setError(null)}>{error}</Notice>}
    </div>
  );
}
