import { randomBytes } from 'node:crypto';
import type { Finding, HeaderPair } from '../../../shared/domain';

/**
 * A forward aimed back at this receiver would match the same rule and forward again, without end:
 * one request became thousands of captures a second. Each copy names this running Hookbench in
 * its `Via` header, as proxies do to find loops (RFC 9110 §7.6.3), and a request that already
 * carries that name is answered but not forwarded again. A loop through other servers is caught
 * only if they pass `Via` on, as proxies must.
 * The name is per process, so two Hookbench instances can still forward to each other in a chain.
 */
const VIA_NAME = `hookbench-${randomBytes(6).toString('hex')}`;

/** The request's headers for the copy: any Via it had, with this Hookbench added last. */
export function viaHeader(headerMap: ReadonlyMap<string, readonly string[]>): HeaderPair {
  const previous = headerMap.get('via') ?? [];
  return ['Via', [...previous, `1.1 ${VIA_NAME}`].join(', ')];
}

/** True when this Hookbench forwarded the request itself: forwarding it again would loop. */
export function forwardedByUs(headerMap: ReadonlyMap<string, readonly string[]>): boolean {
  const values = headerMap.get('via');
  if (!values) return false;
  return values.some((value) => value.split(',').some((entry) => entry.trim().split(/\s+/)[1] === VIA_NAME));
}

export function loopFinding(url: string): Finding {
  return {
    severity: 'warning',
    path: null,
    message: `Not forwarded to ${url}: this request is a copy Hookbench itself forwarded (its Via header says so), so forwarding it again would loop. Point the rule's target at another server, or narrow the rule so it does not match its own copies.`,
  };
}
