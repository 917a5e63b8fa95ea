import { useEffect, useState } from 'react';
import type { RenderResult, RenderView } from '../../../lib/bodyRender';
import { renderView } from '../../../lib/bodyWorkerClient';

export type RenderState =
  /** `previous` is the last result of the same view (while "show more" works), or null. */
  | { status: 'working'; previous: RenderResult | null }
  | { status: 'done'; view: RenderView; result: RenderResult }
  | { status: 'error'; message: string };

interface RenderInput {
  /** Names the body (capture, side, size), so the worker can reuse what it formatted. */
  bodyKey: string;
  bytes: Uint8Array;
  view: RenderView;
  contentType: string | null;
  limit: number;
  partial: boolean;
}

/** A view of a body, parsed and formatted in the worker; the previous result stays up while the next is made. */
export function useBodyRender({
  bodyKey,
  bytes,
  view,
  contentType,
  limit,
  partial,
}: RenderInput): RenderState {
  const [state, setState] = useState<RenderState>({ status: 'working', previous: null });

  useEffect(() => {
    let current = true;
    setState((old) => ({
      status: 'working',
      previous: old.status === 'done' && old.view === view ? old.result : null,
    }));
    renderView(bodyKey, { view, bytes, contentType, limit, partial }).then(
      (result) => {
        if (current) setState({ status: 'done', view, result });
      },
      (error: unknown) => {
        if (current) {
          const message = error instanceof Error ? error.message : 'unknown error';
          setState({ status: 'error', message: `This view failed: ${message}` });
        }
      },
    );
    return () => {
      current = false;
    };
  }, [bodyKey, bytes, view, contentType, limit, partial]);

  return state;
}
