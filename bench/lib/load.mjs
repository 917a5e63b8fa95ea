/** Load generation with autocannon (programmatic), always bounded in time and in request count. */
import autocannon from 'autocannon';

/**
 * One autocannon run. Keep-alive is autocannon's default (one socket per connection, reused).
 * Stops at `durationS`, or at `maxRequests`, or at a hard guard of duration + 15 s, whichever
 * comes first.
 */
export function runLoad({
  url,
  body,
  connections = 50,
  durationS,
  maxRequests,
  overallRate,
  headers = { 'content-type': 'application/json' },
}) {
  return new Promise((resolve, reject) => {
    let guard;
    const instance = autocannon(
      {
        url,
        method: 'POST',
        headers,
        body,
        connections,
        pipelining: 1,
        duration: durationS,
        maxOverallRequests: maxRequests,
        overallRate,
        timeout: 10,
      },
      (error, result) => {
        clearTimeout(guard);
        if (error) reject(error);
        else resolve(summarize(result));
      },
    );
    guard = setTimeout(() => instance.stop(), (durationS + 15) * 1000);
  });
}

function summarize(result) {
  const seconds = result.duration;
  return {
    reqPerSec: result.requests.average,
    total: result.requests.total,
    ok2xx: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    latency: {
      // autocannon's latency histogram has 1 ms resolution: sub-millisecond values read as 0 or 1.
      avg: result.latency.average,
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    throughputMBs: result.throughput.average / 1e6,
    seconds,
  };
}
