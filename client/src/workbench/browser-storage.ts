import type { KeyValueStorage } from "./library/stored-list";

/**
 * The browser's localStorage, or (where reading the property itself throws, as with storage
 * disabled) an in-memory stand-in, so the workbench works and merely forgets on reload.
 */
export function browserStorage(): KeyValueStorage {
  try {
    const storage = window.localStorage;
    if (storage) return storage;
  } catch {
    // Fall through to memory.
  }
  const memory = new Map<string, string>();
  return {
    getItem: (key) => memory.get(key) ?? null,
    setItem: (key, value) => {
      memory.set(key, value);
    },
  };
}
