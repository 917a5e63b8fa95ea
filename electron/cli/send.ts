import { parseArgs } from 'node:util';
import type { ComposerRequest, HttpExchange } from '../../shared/composer';
import { bodyIsJson, buildRequest } from '../core/composer/build';
import { sendBuilt } from '../core/composer/send-built';
import { DEFAULT_TIMEOUT_MS, parseComposerRequest } from '../core/composer/validate';
import { diagnose } from '../core/doctor/index';
import { closeHttpAgents, sendHttp } from '../core/http/index';
import { CoreError } from '../core/index';
import { runLoad } from '../core/simulate/load';
import { printLoadReport } from './load-report';
import { COUNT_RANGE, decimal, RATE_RANGE, TIMEOUT_RANGE, wholeNumber } from './options';
import { print } from './output';
import { parseMode, readRenderData, readText, reportProblems, TEMPLATE_OPTIONS } from './render';
import { CliError, EXIT_FAILED, EXIT_OK } from './usage-error';

export const SEND_USAGE = `hookbench send [TEMPLATE|-] --to URL [--method POST|GET] [--state FILE] [--event FILE]
              [--env NAME=VALUE]... [-H "Name: value"]... [--mode json-safe|raw]
              [--content-type TYPE] [--timeout MS] [--follow] [--insecure] [--verbose]
              [--count N] [--rate R]

Renders the body template (see \`hookbench render --help\`) and sends it, as the CRM platform's
WebHook activity would, then prints the status line, the response headers and the body.
  --to URL              where to send; may use {{env.…}}, {{state.…}}, {{event.…}}
  --method METHOD       POST (default) or GET, which sends the body's fields as the query string
  -H, --header "N: v"   a request header (the value may use templates); repeat for more
  --content-type TYPE   sent as Content-Type with POST (default application/json)
  --timeout MS          give up after this long: 1 to 600000 ms (default 10000)
  --follow              follow redirects (default: show them)
  --insecure            accept self-signed and otherwise untrusted certificates
  --verbose             also print the request as sent and the timings, on standard error
  --count N, --rate R   send N calls (1 to 1000000) at R per second (0.001 to 100000, default
                        10), rendering each anew, as the platform does per event ({{uuid}},
                        {{now}}… differ); prints statuses and latency percentiles instead of one
                        answer
Exits 0 on a 2xx answer, 1 on any other answer, a network error (said in plain words) or a
request that cannot be sent (template errors, a GET body that is not a JSON object), 2 when a
file cannot be read, --state/--event is not JSON or an option is wrong.`;

/** RFC 9110 token characters: what a header name may hold. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function parseHeader(value: string): { name: string; valueTemplate: string } {
  const colon = value.indexOf(':');
  if (colon < 1) throw new CliError(`-H needs "Name: value", got "${value}".`);
  const name = value.slice(0, colon).trim();
  if (!HEADER_NAME.test(name))
    throw new CliError(
      `-H "${value}": "${name}" is not a header name; use letters, digits and - only (no spaces).`,
    );
  const valueTemplate = value.slice(colon + 1).trim();
  if (/[\r\n\0]/.test(valueTemplate))
    throw new CliError(`-H "${name}": a header value cannot hold a line break.`);
  return { name, valueTemplate };
}

function printVerbose(exchange: HttpExchange): void {
  const { request, timings } = exchange;
  const lines = [`> ${request.method} ${request.url}`, ...request.headers.map(([n, v]) => `> ${n}: ${v}`)];
  for (const hop of exchange.redirects) lines.push(`< redirected (${hop.status}) to ${hop.url}`);
  const phase = (label: string, ms: number | null) => (ms === null ? null : `${label} ${ms} ms`);
  const parts = [
    phase('dns', timings.dnsMs),
    phase('connect', timings.connectMs),
    phase('tls', timings.tlsMs),
    phase('first byte', timings.firstByteMs),
    phase('total', timings.totalMs),
  ].filter((part) => part !== null);
  lines.push(`* ${parts.join(', ')}${timings.reusedConnection ? ' (reused connection)' : ''}`);
  process.stderr.write(`${lines.join('\n')}\n`);
}

export async function send(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      ...TEMPLATE_OPTIONS,
      to: { type: 'string' },
      method: { type: 'string' },
      header: { type: 'string', short: 'H', multiple: true },
      timeout: { type: 'string' },
      follow: { type: 'boolean' },
      insecure: { type: 'boolean' },
      verbose: { type: 'boolean', short: 'v' },
      count: { type: 'string' },
      rate: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.to === undefined) throw new CliError('send needs --to URL: where to send the request.');
  if (positionals.length > 1) throw new CliError(`send takes one TEMPLATE; got ${positionals.length}.`);
  const method = (values.method ?? 'POST').toUpperCase();
  if (method !== 'POST' && method !== 'GET')
    throw new CliError(`--method must be POST or GET, got "${values.method}".`);
  const headers = (values.header ?? []).map(parseHeader);
  const timeoutMs = wholeNumber(values.timeout, '--timeout', TIMEOUT_RANGE, DEFAULT_TIMEOUT_MS);
  const count = wholeNumber(values.count, '--count', COUNT_RANGE, 1);
  const rate = decimal(values.rate, '--rate', RATE_RANGE, 10);
  const bodyMode = parseMode(values.mode);
  const template = positionals[0] === undefined ? '' : await readText(positionals[0], 'the template');
  const data = await readRenderData(values);
  let request: ComposerRequest;
  try {
    request = parseComposerRequest({
      method,
      urlTemplate: values.to,
      headers,
      bodyTemplate: template,
      bodyMode,
      contentType: values['content-type'] ?? 'application/json',
      timeoutMs,
      followRedirects: values.follow === true,
      verifyTls: values.insecure !== true,
    });
  } catch (error) {
    // Every field comes from a flag checked above; anything left is still the user's input.
    if (error instanceof CoreError) throw new CliError(error.message);
    throw error;
  }
  const built = buildRequest(request, data);
  // A URL that is not one is a usage error (exit 2); the other problems are the template's.
  const urlProblem = built.problems.find((p) => p.part === 'url' && p.severity === 'error');
  reportProblems(
    built.problems.filter((p) => p !== urlProblem),
    [],
  );
  if (urlProblem) throw new CliError(`--to: ${urlProblem.message}`);
  if (!built.sendable) {
    const templateErrors = built.problems.some((p) => p.severity === 'error');
    // What the template rendered, not how the command was called: the check failed (exit 1).
    const why = templateErrors ? 'the template has errors (above)' : built.queryError;
    process.stderr.write(`hookbench: not sent: ${why}\n`);
    return EXIT_FAILED;
  }
  if (bodyIsJson(request) && built.body.byteLength > 0) {
    // Sent all the same: reproducing what a broken body does to the receiver is a use of raw mode.
    const diagnosis = diagnose({ body: built.body, contentType: request.contentType });
    if (!diagnosis.valid) {
      const { line, column, message } = diagnosis.error;
      process.stderr.write(
        `warning: the body is not valid JSON (line ${line}, column ${column}: ${message}); sending it as it is.\n`,
      );
    }
  }
  if (count > 1 || values.rate !== undefined) {
    // Each call renders the templates anew, as the platform renders each event.
    const options = {
      timeoutMs: request.timeoutMs,
      followRedirects: request.followRedirects,
      verifyTls: request.verifyTls,
    };
    try {
      return printLoadReport(
        await runLoad(count, rate, () => sendBuilt(buildRequest(request, data), options)),
      );
    } finally {
      await closeHttpAgents();
    }
  }
  try {
    const exchange = await sendHttp(
      { method: built.method, url: built.url, headers: built.headers, body: built.body },
      {
        timeoutMs: request.timeoutMs,
        followRedirects: request.followRedirects,
        verifyTls: request.verifyTls,
      },
    );
    if (values.verbose) printVerbose(exchange);
    const response = exchange.response;
    if (exchange.error !== null || response === null) {
      process.stderr.write(`hookbench: ${exchange.error?.message ?? 'no answer'}\n`);
      return EXIT_FAILED;
    }
    const head = [
      `HTTP/1.1 ${response.status} ${response.statusText}`.trimEnd(),
      ...response.headers.map(([n, v]) => `${n}: ${v}`),
    ];
    print(`${head.join('\n')}\n\n`);
    print(Buffer.from(response.bodyBase64, 'base64'));
    if (response.truncated)
      process.stderr.write(
        `hookbench: only the first part of the ${response.bodySize}-byte body is shown.\n`,
      );
    if (response.status >= 200 && response.status < 300) return EXIT_OK;
    process.stderr.write(
      `hookbench: the server answered ${[response.status, response.statusText].join(' ').trim()}.\n`,
    );
    return EXIT_FAILED;
  } finally {
    await closeHttpAgents();
  }
}
