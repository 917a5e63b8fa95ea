import { Copy, LoaderCircle } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import type { DataFolderInfo } from '../../../shared/domain';
import { describeError } from '../../client';
import { copyText } from '../../lib/clipboard';
import { formatBytes } from '../../lib/format';
import { useSettings } from '../../state/StoresContext';
import { RetryNotice } from '../../ui/Notice';

type Loaded =
  | { state: 'loading' }
  | { state: 'ready'; info: DataFolderInfo }
  | { state: 'error'; message: string };

/**
 * Where everything lives: the folder to back up, to open in a file manager, or to pass to the CLI
 * (`hookbench export --data …`). Read when the screen opens, so the sizes are current.
 */
export function DataFolderCard() {
  const dataFolder = useSettings((s) => s.dataFolder);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [copied, setCopied] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const titleId = useId();

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new attempt is how Retry asks for a new read
  useEffect(() => {
    let live = true;
    setLoaded({ state: 'loading' });
    dataFolder().then(
      (info) => live && setLoaded({ state: 'ready', info }),
      (error: unknown) =>
        live &&
        setLoaded({ state: 'error', message: describeError(error, 'Could not read the data folder.') }),
    );
    return () => {
      live = false;
    };
  }, [dataFolder, attempt]);

  const copy = (path: string) =>
    copyText(path).then(
      () => setCopied('Copied.'),
      () => setCopied('Could not copy: select the path and copy it yourself.'),
    );

  return (
    <section className="settings-card" aria-labelledby={titleId} data-testid="data-folder">
      <h2 id={titleId} className="settings-card-title">
        Data folder
      </h2>
      <p className="settings-card-intro">
        Captures, replay results, rules, composer work and these settings. Back up or move this folder as a
        whole; the CLI reads it with <code>--data</code>.
      </p>
      {loaded.state === 'loading' && (
        <p className="muted">
          <LoaderCircle size={14} className="spin" aria-hidden /> Reading the data folder…
        </p>
      )}
      {loaded.state === 'error' && (
        <RetryNotice onRetry={() => setAttempt((n) => n + 1)}>{loaded.message}</RetryNotice>
      )}
      {loaded.state === 'ready' && (
        <>
          <div className="data-folder-path">
            <code data-testid="data-folder-path">{loaded.info.path}</code>
            <button type="button" className="button button-small" onClick={() => void copy(loaded.info.path)}>
              <Copy size={14} aria-hidden /> Copy path
            </button>
          </div>
          {copied && (
            <p className="muted" role="status">
              {copied}
            </p>
          )}
          <table className="data-folder-files">
            <tbody>
              {loaded.info.files.map((file) => (
                <tr key={file.name}>
                  <td>
                    <code>{file.name}</code>
                  </td>
                  <td>{file.holds}</td>
                  <td className="data-folder-size">
                    {file.bytes === null ? 'not created yet' : formatBytes(file.bytes)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
