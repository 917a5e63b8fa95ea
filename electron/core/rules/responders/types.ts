import type { Finding, HeaderPair } from '../../../../shared/domain';

/** What a responder decided, before delay and faults are applied. */
export interface ResponderAnswer {
  status: number;
  headers: HeaderPair[];
  body: string;
  /** Findings about the request that the capture should show (e.g. a field the preset needed). */
  findings?: Finding[];
  /** Plain-words problem while building the answer (a broken template). */
  error?: string;
}

export function jsonAnswer(status: number, value: unknown, findings?: Finding[]): ResponderAnswer {
  return {
    status,
    headers: [['Content-Type', 'application/json; charset=utf-8']],
    body: JSON.stringify(value),
    ...(findings && findings.length > 0 ? { findings } : {}),
  };
}
