/**
 * The core's HTTP client, for everything Hookbench sends: the composer, replay and the sender
 * simulators. `sendHttp(request, options)` → `HttpExchange`; it never throws.
 */
export { agentFor, closeHttpAgents } from './agents';
export { describeHttpError, shownUrl } from './errors';
export { type HttpRequest, type HttpSendOptions, notSentExchange, sendHttp } from './send';
