/**
 * Lets the bench ask a server child for its CPU time (`{ cpu: true }` → `{ cpu: { user, system } }`,
 * microseconds, all the process's threads): CPU per request is a steadier figure than a rate on a
 * shared machine, because it does not depend on how much of the CPU the server was given.
 */
export function answerCpuQueries() {
  process.on('message', (message) => {
    if (message?.cpu) process.send?.({ cpu: process.cpuUsage() });
  });
}
