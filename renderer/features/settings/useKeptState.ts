import { type Dispatch, type SetStateAction, useEffect, useState } from 'react';
import { useStores } from '../../state/StoresContext';

// Per settings store (one per app window), so a second window or a test's fresh stores start clean.
const kept = new WeakMap<object, Map<string, unknown>>();

/**
 * useState whose value outlives the component: the Settings screen unmounts when the user goes to
 * another one, and half-typed settings (a port, a retention limit) came back as the saved values,
 * silently lost. The form that remounts picks its last value up again.
 */
export function useKeptState<T>(key: string, initial: () => T): [T, Dispatch<SetStateAction<T>>] {
  const owner = useStores().settings;
  let values = kept.get(owner);
  if (!values) {
    values = new Map();
    kept.set(owner, values);
  }
  const store = values;
  const [value, setValue] = useState<T>(() => (store.has(key) ? (store.get(key) as T) : initial()));
  useEffect(() => {
    store.set(key, value);
  }, [store, key, value]);
  return [value, setValue];
}
