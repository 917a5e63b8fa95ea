/**
 * What a receiver host may be: an IPv4 or IPv6 address, or a host name. Checked where the
 * settings are edited and again where they are saved, so `999.1.1.1` is refused in words before
 * the receiver ever tries it.
 */
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** Why `host` cannot be a receiver host, in words; null when it can. */
export function receiverHostProblem(host: string): string | null {
  if (host === '') return 'Enter a host, for example 127.0.0.1.';
  if (/\s/.test(host)) return 'A host cannot contain spaces.';
  if (host.includes('/')) return 'Enter only the host name or address, without http:// or a path.';
  if (/^[\d.]+$/.test(host))
    return IPV4.test(host)
      ? null
      : `${host} is not an IPv4 address: four numbers from 0 to 255, like 127.0.0.1.`;
  if (host.includes(':'))
    return isIpv6(host) ? null : `${host} is not an IPv6 address (write it without brackets, like ::1).`;
  if (host.length > 253 || !host.split('.').every((label) => LABEL.test(label)))
    return `${host} is not a host name: letters, digits and hyphens, in parts separated by dots.`;
  return null;
}

function isIpv6(host: string): boolean {
  try {
    return new URL(`http://[${host}]/`).hostname !== '';
  } catch {
    return false;
  }
}
