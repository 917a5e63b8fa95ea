import { useCallback } from 'react';
import { useReplay } from '../../state/StoresContext';

/**
 * useState for a Replay form field, kept in the replay store under `field`: leaving the screen
 * and coming back finds what was typed (the panels unmount when the screen does).
 */
export function useFormField<T>(field: string, initial: T): [T, (value: T) => void] {
  const value = useReplay((s) => (field in s.forms ? (s.forms[field] as T) : initial));
  const setForm = useReplay((s) => s.setForm);
  const set = useCallback((next: T) => setForm(field, next), [field, setForm]);
  return [value, set];
}
