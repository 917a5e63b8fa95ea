/**
 * The small date format language of the `date` helper, a subset of the moment/dayjs tokens
 * that webhook partners document (e.g. an SMS gateway's `YYYY-MM-DD HH:mm:ss`):
 *
 *   YYYY YY  year        MM M  month      DD D  day
 *   HH H     hour 0-23   hh h  hour 1-12  A a   AM/PM, am/pm
 *   mm m     minute      ss s  second     SSS   millisecond
 *   Z        +02:00      ZZ    +0200      X     epoch seconds   x  epoch milliseconds
 *   [text]   literal text (e.g. `[T]`)
 *
 * Times are UTC unless the `tz` option says `local` or a fixed offset such as `+03:00`,
 * because a webhook's timestamps should not depend on the machine Hookbench runs on.
 */

const TOKENS = /\[([^\]]*)]|YYYY|YY|SSS|MM|DD|HH|hh|mm|ss|ZZ|M|D|H|h|m|s|A|a|Z|X|x/g;

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function formatOffset(minutes: number, separator: string): string {
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  return `${sign}${pad(Math.floor(absolute / 60), 2)}${separator}${pad(absolute % 60, 2)}`;
}

/** Reads a date from epoch milliseconds (number or digits), an ISO/RFC string or a Date. */
export function toDate(value: unknown): Date {
  let date: Date | undefined;
  if (value instanceof Date) date = value;
  else if (typeof value === 'number') date = new Date(value);
  else if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) date = new Date(Number(value));
  else if (typeof value === 'string') date = new Date(value);
  if (date === undefined || Number.isNaN(date.getTime())) {
    throw new Error(
      `date cannot read ${JSON.stringify(value) ?? String(value)} as a date; give epoch milliseconds or an ISO date such as "2024-05-01T12:00:00Z".`,
    );
  }
  return date;
}

/** Minutes east of UTC for a `tz` option value. */
export function zoneOffset(zone: unknown, date: Date): number {
  if (zone === undefined || zone === null || zone === 'UTC' || zone === 'utc' || zone === 'Z') return 0;
  if (zone === 'local') return -date.getTimezoneOffset();
  const match = typeof zone === 'string' ? /^([+-])(\d{2}):?(\d{2})$/.exec(zone) : null;
  if (match === null) {
    throw new Error(
      `date's tz must be "UTC", "local" or an offset such as "+03:00", not ${JSON.stringify(zone)}.`,
    );
  }
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/** Formats a date; without a format, ISO 8601 (`2024-05-01T12:00:00.000Z` in UTC). */
export function formatDate(date: Date, format: string | undefined, offsetMinutes: number): string {
  if (format === undefined && offsetMinutes === 0) return date.toISOString();
  const shifted = new Date(date.getTime() + offsetMinutes * 60_000);
  const hours = shifted.getUTCHours();
  return (format ?? 'YYYY-MM-DDTHH:mm:ss.SSSZ').replace(TOKENS, (token: string, literal?: string) => {
    switch (token) {
      case 'YYYY':
        return pad(shifted.getUTCFullYear(), 4);
      case 'YY':
        return pad(shifted.getUTCFullYear() % 100, 2);
      case 'MM':
        return pad(shifted.getUTCMonth() + 1, 2);
      case 'M':
        return String(shifted.getUTCMonth() + 1);
      case 'DD':
        return pad(shifted.getUTCDate(), 2);
      case 'D':
        return String(shifted.getUTCDate());
      case 'HH':
        return pad(hours, 2);
      case 'H':
        return String(hours);
      case 'hh':
        return pad(hours % 12 || 12, 2);
      case 'h':
        return String(hours % 12 || 12);
      case 'mm':
        return pad(shifted.getUTCMinutes(), 2);
      case 'm':
        return String(shifted.getUTCMinutes());
      case 'ss':
        return pad(shifted.getUTCSeconds(), 2);
      case 's':
        return String(shifted.getUTCSeconds());
      case 'SSS':
        return pad(shifted.getUTCMilliseconds(), 3);
      case 'A':
        return hours < 12 ? 'AM' : 'PM';
      case 'a':
        return hours < 12 ? 'am' : 'pm';
      case 'Z':
        return formatOffset(offsetMinutes, ':');
      case 'ZZ':
        return formatOffset(offsetMinutes, '');
      case 'X':
        return String(Math.floor(date.getTime() / 1000));
      case 'x':
        return String(date.getTime());
      default:
        return literal ?? token;
    }
  });
}
