import { useEffect } from 'react';
import type { Settings } from '../../../shared/domain';

/** One attribute switches every colour; 'system' lets the CSS follow prefers-color-scheme. */
export function useDocumentTheme(theme: Settings['theme'] | undefined): void {
  useEffect(() => {
    document.documentElement.dataset.theme = theme ?? 'system';
  }, [theme]);
}
