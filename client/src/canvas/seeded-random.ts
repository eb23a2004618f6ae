/**
 * Runs `work` with Math.random replaced by a generator seeded from `seed`, so that a layout that
 * starts from random positions (cytoscape-fcose reads Math.random) gives the same picture for the
 * same graph every time. Math.random is given back when `work` settles.
 */
export async function withSeededRandom<T>(seed: number, work: () => Promise<T>): Promise<T> {
  const original = Math.random;
  Math.random = seededRandom(seed);
  try {
    return await work();
  } finally {
    Math.random = original;
  }
}

/** mulberry32: a small, fast generator of numbers in [0, 1) from a 32-bit seed. Pure. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a hash of the strings (order-free: sorted first), as a seed for one graph. Pure. */
export function seedOf(strings: readonly string[]): number {
  let hash = 0x811c9dc5;
  for (const text of [...strings].sort()) {
    for (let index = 0; index < text.length; index += 1) {
      hash ^= text.charCodeAt(index);
      hash = Math.imul(hash, 0x01000193);
    }
    hash ^= 0x1f;
  }
  return hash >>> 0;
}
