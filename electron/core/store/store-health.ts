import type { StoreHealth } from '../../../shared/domain';

/**
 * Whether captures are being written. Flips to failing on the first write
 * error and back on the next success, announcing each change once, so the UI
 * shows one banner and not one per request.
 */
export class StoreHealthMonitor {
  private current: StoreHealth = { state: 'ok', message: null, since: null };

  constructor(private readonly onChange: (health: StoreHealth) => void) {}

  get health(): StoreHealth {
    return this.current;
  }

  failed(error: unknown, storeFile: string): void {
    if (this.current.state === 'failing') return;
    this.current = {
      state: 'failing',
      message: describeWriteError(error, storeFile),
      since: new Date().toISOString(),
    };
    this.onChange(this.current);
  }

  succeeded(): void {
    if (this.current.state === 'ok') return;
    this.current = { state: 'ok', message: null, since: null };
    this.onChange(this.current);
  }
}

export function describeWriteError(error: unknown, storeFile: string): string {
  const text = error instanceof Error ? error.message : String(error);
  if (/full|SQLITE_FULL|ENOSPC/i.test(text)) {
    return `The disk holding ${storeFile} is full. Requests are answered 503 and not recorded until space is freed.`;
  }
  if (/readonly|read-only|EROFS|EACCES|EPERM/i.test(text)) {
    return `Hookbench cannot write to ${storeFile} (the folder is read-only or not permitted). Requests are answered 503 and not recorded until it is writable.`;
  }
  return `Hookbench cannot write captures to ${storeFile}: ${text}. Requests are answered 503 and not recorded meanwhile.`;
}
