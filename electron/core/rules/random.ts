import { seededRandom } from '../templates/random';

/** A stable number in [0, 1) for a text, so a seeded choice per id does not depend on arrival order. */
export function hashUnit(seed: number, text: string): number {
  let h = (seed ^ 0x811c9dc5) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return seededRandom(h)();
}
