import { type Dispatch, type SetStateAction, useCallback, useState } from 'react';
import { useSettings, useStores } from '../../state/StoresContext';

/**
 * useState for a Settings form field, kept in the settings store under `field` (as the Replay
 * screen keeps its forms): the Settings screen unmounts when the user goes to another one, and
 * half-typed settings (a port, a retention limit) must be there on coming back, not the saved ones.
 */
export function useKeptState<T>(field: string, initial: () => T): [T, Dispatch<SetStateAction<T>>] {
  const store = useStores().settings;
  const kept = useSettings((s) => s.forms[field] as T | undefined);
  const [first] = useState(initial);
  const set = useCallback(
    (next: SetStateAction<T>) => {
      const { forms, setForm } = store.getState();
      const previous = (field in forms ? forms[field] : first) as T;
      setForm(field, typeof next === 'function' ? (next as (value: T) => T)(previous) : next);
    },
    [store, field, first],
  );
  return [kept === undefined ? first : kept, set];
}
