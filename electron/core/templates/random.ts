import { randomUUID } from 'node:crypto';

/**
 * A seeded generator of uniform numbers in [0, 1) (mulberry32): tiny, fast and good enough
 * for test data; it is what makes a seeded auto-responder answer the same way every time.
 * Not for secrets.
 */
export function seededRandom(seed: number): () => number {
  let state = Math.trunc(seed) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A version 4 UUID. With an injected generator it is built from that generator's numbers so
 * seeded renders repeat; otherwise it comes from the system's secure source.
 */
export function makeUuid(random: (() => number) | undefined): string {
  if (random === undefined) return randomUUID();
  const bytes = new Uint8Array(16);
  for (let index = 0; index < 16; index++) bytes[index] = Math.floor(random() * 256) & 0xff;
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
