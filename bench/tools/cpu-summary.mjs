/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`, e.g. `node bench/run.mjs --only throughput
 * --cpu-prof DIR`): self time by function and by file, and total time (with callees) by function,
 * biggest first.
 *
 *   node bench/tools/cpu-summary.mjs PROFILE.cpuprofile [--top 25]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '25' } },
});
if (positionals.length !== 1) {
  process.stderr.write('usage: node bench/tools/cpu-summary.mjs PROFILE.cpuprofile [--top 25]\n');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(positionals[0], 'utf8'));
const top = Number(values.top);

// Self time per node: each sample is attributed to one node; timeDeltas give its duration.
const selfUs = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
const byFunction = new Map();
const byFile = new Map();
for (const node of profile.nodes) {
  const us = selfUs.get(node.id) ?? 0;
  if (us === 0) continue;
  byFunction.set(functionKey(node.callFrame), (byFunction.get(functionKey(node.callFrame)) ?? 0) + us);
  const file = fileOf(node.callFrame.url);
  byFile.set(file, (byFile.get(file) ?? 0) + us);
}

function fileOf(url) {
  return url ? url.replace(/^.*\/(node_modules\/[^/]+|bench\/\.build|dist)\//, '$1/') : '(native)';
}

function functionKey({ functionName, url, lineNumber }) {
  return `${functionName || '(anonymous)'} ${fileOf(url)}${url ? `:${lineNumber + 1}` : ''}`;
}
// Total time per function: every sample counts once for each distinct function on its stack.
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
const inclusive = new Map();
for (const [id, us] of selfUs) {
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) seen.add(functionKey(byNode.get(at).callFrame));
  for (const key of seen) inclusive.set(key, (inclusive.get(key) ?? 0) + us);
}
const print = (title, map) => {
  process.stdout.write(`\n${title}\n`);
  for (const [name, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    process.stdout.write(
      `${((us / total) * 100).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(7)} ms  ${name}\n`,
    );
  }
};
process.stdout.write(`${positionals[0]}: ${(total / 1e6).toFixed(1)} s sampled\n`);
print('Self time by function', byFunction);
print('Self time by file', byFile);
print('Total time by function (self and callees)', inclusive);
