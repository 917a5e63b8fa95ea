import type { CommandHandlers } from '../../../shared/contract';
import type { HeaderPair } from '../../../shared/domain';
import { headerValueProblem } from '../../../shared/headers';
import {
  type LoadReport,
  type ResponseRef,
  rateProblem,
  type SdkSimulationReport,
  SIMULATION_LIMITS,
  type SimulationKind,
  type SmsSimulationReport,
  smsIdProblem,
} from '../../../shared/replay';
import { MAX_TIMEOUT_MS } from '../composer/validate';
import { CoreError } from '../errors';
import { simulateReverse } from '../simulate/reverse';
import { simulateSdk } from '../simulate/sdk';
import type { Simulations } from '../simulate/simulations';
import { simulateSmsStatus } from '../simulate/sms-status';
import type { CaptureStore } from '../store/capture-store';
import { type ComparedResponse, diffResponses } from './diff';
import type { ReplayService } from './replay-service';
import type { ReplayStore } from './replay-store';
import { httpUrl, parseBulk, parseEdit, parseTarget } from './validate';

type ReplayCommands = Pick<
  CommandHandlers,
  | 'replayCapture'
  | 'startBulkReplay'
  | 'cancelBulkReplay'
  | 'getBulkReplay'
  | 'listReplays'
  | 'getReplay'
  | 'compareResponses'
  | 'simulateSmsStatus'
  | 'simulateReverse'
  | 'simulateSdk'
  | 'cancelSimulation'
  | 'getSimulation'
>;

function args(request: unknown): Record<string, unknown> {
  if (typeof request !== 'object' || request === null)
    throw new CoreError('bad_request', 'The request must be an object.');
  return request as Record<string, unknown>;
}

function count(
  value: unknown,
  what: string,
  fallback: number,
  { min, max }: { min: number; max: number },
): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
    throw new CoreError('bad_request', `${what} must be a whole number from ${min} to ${max}.`);
  }
  return value as number;
}

/** How a simulator sends, the same for each sender: a timeout per request, and TLS checked or not. */
function sendSettings(value: Record<string, unknown>): { timeoutMs: number; verifyTls: boolean } {
  return {
    timeoutMs: count(value.timeoutMs, 'timeoutMs', 10_000, { min: 1, max: MAX_TIMEOUT_MS }),
    verifyTls: value.verifyTls !== false,
  };
}

function simulationKind(request: unknown): SimulationKind {
  const { kind } = args(request);
  if (kind !== 'sms' && kind !== 'reverse' && kind !== 'sdk')
    throw new CoreError('bad_request', 'kind must be sms, reverse or sdk.');
  return kind;
}

/**
 * How one sender's latest simulation ended, kept for a window whose call lost its answer. A new
 * run clears it: a report is only ever the latest run's.
 */
class LatestOutcome<R> {
  outcome: { report: R | null; error: string | null } = { report: null, error: null };
  private runs = 0;

  track(run: Promise<R>): Promise<R> {
    const mine = ++this.runs;
    this.outcome = { report: null, error: null };
    // A run that a newer one cancelled ends later: its outcome is not the latest.
    const settle = (outcome: { report: R | null; error: string | null }) => {
      if (mine === this.runs) this.outcome = outcome;
    };
    return run.then(
      (report) => {
        settle({ report, error: null });
        return report;
      },
      (error: unknown) => {
        settle({ report: null, error: error instanceof Error ? error.message : String(error) });
        throw error;
      },
    );
  }
}

function batchIdOf(request: unknown): string {
  const { batchId } = args(request);
  if (typeof batchId !== 'string') throw new CoreError('bad_request', 'batchId must be text.');
  return batchId;
}

export function createReplayCommands(
  captures: CaptureStore,
  replays: ReplayStore,
  service: ReplayService,
  simulations: Simulations,
): ReplayCommands {
  const latest = {
    sms: new LatestOutcome<SmsSimulationReport>(),
    reverse: new LatestOutcome<LoadReport>(),
    sdk: new LatestOutcome<SdkSimulationReport>(),
  };
  const responseOf = (ref: unknown): ComparedResponse => {
    const { kind, id } = args(ref);
    if (!Number.isSafeInteger(id)) throw new CoreError('bad_request', 'A response reference needs an id.');
    if (kind === 'capture') {
      const capture = captures.get(id as number);
      if (!capture)
        throw new CoreError(
          'not_found',
          `Capture #${String(id)} is not in the store (deleted?), so there is no answer of Hookbench's to compare with.`,
        );
      return {
        label: `Hookbench's answer to capture #${capture.id}`,
        status: capture.response.status,
        headers: capture.response.headers,
        body: Buffer.from(capture.response.bodyBase64, 'base64'),
      };
    }
    if (kind === 'replay') {
      const replay = replays.get(id as number);
      if (!replay) throw new CoreError('not_found', `Replay ${String(id)} no longer exists.`);
      const response = replay.exchange.response;
      return {
        label: `Replay #${replay.id} to ${replay.exchange.request.url}`,
        status: response?.status ?? null,
        headers: (response?.headers ?? []) as HeaderPair[],
        body: response
          ? Buffer.from(response.bodyBase64, 'base64')
          : Buffer.from(replay.exchange.error?.message ?? ''),
      };
    }
    throw new CoreError('bad_request', 'A response reference is a capture or a replay.');
  };

  return {
    replayCapture: async (request) => {
      const { captureId, target, edit } = args(request);
      if (!Number.isSafeInteger(captureId))
        throw new CoreError('bad_request', 'captureId must be a capture id.');
      return service.replayOne(captureId as number, parseTarget(target), parseEdit(edit));
    },
    startBulkReplay: async (request) => service.start(parseBulk(request)),
    cancelBulkReplay: async (request) => service.cancel(batchIdOf(request)),
    getBulkReplay: async (request) => service.progress(batchIdOf(request)),
    listReplays: async (request) => {
      const { captureId, batchId } = args(request ?? {});
      return replays.list({
        ...(Number.isSafeInteger(captureId) ? { captureId: captureId as number } : {}),
        ...(typeof batchId === 'string' ? { batchId } : {}),
      });
    },
    getReplay: async (request) => {
      const { id } = args(request);
      if (!Number.isSafeInteger(id)) throw new CoreError('bad_request', 'id must be a replay id.');
      return replays.get(id as number);
    },
    compareResponses: async (request) => {
      const { left, right } = args(request) as { left: ResponseRef; right: ResponseRef };
      return diffResponses(responseOf(left), responseOf(right));
    },
    simulateSmsStatus: async (request) => {
      const value = args(request);
      if (
        !Array.isArray(value.ids) ||
        value.ids.length === 0 ||
        value.ids.length > SIMULATION_LIMITS.ids.max
      ) {
        throw new CoreError('bad_request', 'ids must list 1 to 10,000 id_sms values.');
      }
      for (const id of value.ids) {
        const problem = smsIdProblem(String(id));
        if (problem) throw new CoreError('bad_request', problem);
      }
      const options = {
        targetUrl: httpUrl(value.targetUrl, 'The target'),
        ids: value.ids.map(String),
        state: typeof value.state === 'string' && value.state !== '' ? value.state : 'deliver',
        attempts: count(value.attempts, 'attempts', 5, SIMULATION_LIMITS.attempts),
        intervalMs:
          value.intervalMs === undefined
            ? 1000
            : count(value.intervalMs, 'intervalMs', 1000, SIMULATION_LIMITS.intervalMs),
        ...sendSettings(value),
      };
      return latest.sms.track(simulations.run('sms', (signal) => simulateSmsStatus(options, { signal })));
    },
    simulateReverse: async (request) => {
      const value = args(request);
      const options = {
        targetUrl: httpUrl(value.targetUrl, 'The target'),
        method: value.method === 'GET' ? 'GET' : 'POST',
        count: count(value.count, 'count', 1, SIMULATION_LIMITS.reverseCount),
        ratePerSecond: reverseRate(value.ratePerSecond),
        ...sendSettings(value),
      } as const;
      return latest.reverse.track(simulations.run('reverse', (signal) => simulateReverse(options, signal)));
    },
    simulateSdk: async (request) => {
      const value = args(request);
      const options = {
        targetUrl: httpUrl(value.targetUrl, 'The target'),
        type: value.type === 'PUSH' ? 'PUSH' : 'SMS',
        count: count(value.count, 'count', 1, SIMULATION_LIMITS.sdkCount),
        bearerToken: bearerToken(value.bearerToken),
        ...sendSettings(value),
      } as const;
      return latest.sdk.track(simulations.run('sdk', (signal) => simulateSdk(options, signal)));
    },
    cancelSimulation: async (request) => ({ cancelled: simulations.cancel(simulationKind(request)) }),
    getSimulation: async (request) => {
      const kind = simulationKind(request);
      const running = simulations.isRunning(kind);
      if (kind === 'sms') return { kind, running, ...latest.sms.outcome };
      if (kind === 'reverse') return { kind, running, ...latest.reverse.outcome };
      return { kind, running, ...latest.sdk.outcome };
    },
  };
}

/** The reverse simulator's calls per second: 10 when not given, refused in words when out of range. */
function reverseRate(value: unknown): number {
  if (value === undefined || value === null) return 10;
  const problem = rateProblem(typeof value === 'number' ? value : Number.NaN, 'Calls per second');
  if (problem) throw new CoreError('bad_request', problem);
  return value as number;
}

/** The SDK's access token, refused in words when it cannot travel in an Authorization header. */
function bearerToken(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw new CoreError('bad_request', 'bearerToken must be text.');
  const problem = headerValueProblem('Authorization', `Bearer ${value}`);
  if (problem) throw new CoreError('bad_request', `The token cannot be sent. ${problem}`);
  return value;
}
