import type { HttpExchange } from '../../../shared/composer';
import type { Finding, HeaderPair } from '../../../shared/domain';
import type { ForwardTarget } from '../../../shared/rules';
import type { CoreEvents } from '../events';
import { sendHttp } from '../http/index';
import type { PlannedResponse } from '../receiver/responses';
import { jsonResponse } from '../receiver/responses';
import { HOP_BY_HOP, outgoingRequest } from '../replay/build-request';
import type { RuleOutcome } from '../rules/engine';
import type { IncomingRequest } from '../rules/incoming';
import type { CaptureStore } from '../store/capture-store';
import { viaHeader } from './loop-guard';

/** A passed-through answer is kept whole up to this size. */
const MAX_PASSTHROUGH_BYTES = 50 * 1024 * 1024;

/**
 * Sends a copy of matching requests to another server. Passthrough waits for
 * the target and hands its answer to the caller; otherwise the copy goes after
 * the rule has answered. Either way the outcome is written on the capture as
 * a finding, so a failed forward is never lost silently.
 */
export class Forwarder {
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly store: CaptureStore,
    private readonly events: CoreEvents,
  ) {}

  /** The target's answer becomes the response; a failure answers 502 in words. */
  async passthrough(
    request: IncomingRequest,
    target: ForwardTarget,
    outcome: RuleOutcome,
  ): Promise<RuleOutcome> {
    const exchange = await this.send(request, target, MAX_PASSTHROUGH_BYTES);
    const finding = findingFor(exchange, true);
    const response: PlannedResponse = exchange.response
      ? passedThrough(exchange)
      : jsonResponse(502, {
          error: 'forward_failed',
          message: exchange.error?.message ?? 'The forward target did not answer.',
        });
    return { ...outcome, response, fault: null, findings: [...outcome.findings, finding] };
  }

  /** Forwards after the capture was stored; the result lands on the capture when it is known. */
  later(captureId: number, request: IncomingRequest, target: ForwardTarget): void {
    const work = this.send(request, target, 256 * 1024)
      .then((exchange) => {
        const summary = this.store.addFinding(captureId, findingFor(exchange, false));
        if (summary) this.events.emit('captureUpdated', summary);
      })
      .catch(() => {
        // The capture may have been deleted meanwhile; nothing else is owed to anyone.
      });
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  /** Waits (bounded by each forward's timeout) for forwards still under way, before the store closes. */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }

  private send(
    request: IncomingRequest,
    target: ForwardTarget,
    maxResponseBytes: number,
  ): Promise<HttpExchange> {
    return sendHttp(
      outgoingRequest(
        { method: request.method, target: request.target, headers: request.headers, body: request.body },
        {
          targetUrl: target.url,
          rebase: target.rebase,
          dropHeaders: [],
          overrideHeaders: [viaHeader(request.headerMap)],
        },
      ),
      {
        timeoutMs: target.timeoutMs,
        followRedirects: false,
        verifyTls: true,
        canSkipTls: false,
        maxResponseBytes,
      },
    );
  }
}

function passedThrough(exchange: HttpExchange): PlannedResponse {
  const response = exchange.response;
  if (!response) throw new Error('no response');
  const body = Buffer.from(response.bodyBase64, 'base64');
  const headers: HeaderPair[] = response.headers.filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase()));
  headers.push(['Content-Length', String(body.byteLength)]);
  return { status: response.status, headers, body };
}

function findingFor(exchange: HttpExchange, passthrough: boolean): Finding {
  const where = exchange.request.url;
  if (exchange.error) {
    return {
      severity: 'error',
      path: null,
      message: `Forwarding to ${where} failed: ${exchange.error.message}${passthrough ? ' The caller got 502.' : ''}`,
    };
  }
  const status = exchange.response?.status ?? 0;
  const ms = Math.round(exchange.timings.totalMs);
  const mode = passthrough ? 'its answer was passed to the caller' : "the caller got the rule's own answer";
  return {
    severity: status >= 200 && status < 400 ? 'info' : 'warning',
    path: null,
    message: `Forwarded to ${where}: ${status} in ${ms} ms (${mode}).${exchange.response?.truncated ? ' The answer was cut at the size limit.' : ''}`,
  };
}
