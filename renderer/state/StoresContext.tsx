import { createContext, type ReactNode, useContext } from 'react';
import { useStore } from 'zustand';
import type { ExtractState } from 'zustand/vanilla';
import type { AppStores } from './appRuntime';

const StoresContext = createContext<AppStores | null>(null);

export function StoresProvider({ stores, children }: { stores: AppStores; children: ReactNode }) {
  return <StoresContext value={stores}>{children}</StoresContext>;
}

export function useStores(): AppStores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('useStores must be used inside <StoresProvider>');
  return stores;
}

export function useCaptures<U>(selector: (state: ExtractState<AppStores['captures']>) => U): U {
  return useStore(useStores().captures, selector);
}

export function useReceiver<U>(selector: (state: ExtractState<AppStores['receiver']>) => U): U {
  return useStore(useStores().receiver, selector);
}

export function useSettings<U>(selector: (state: ExtractState<AppStores['settings']>) => U): U {
  return useStore(useStores().settings, selector);
}

export function useRules<U>(selector: (state: ExtractState<AppStores['rules']>) => U): U {
  return useStore(useStores().rules, selector);
}

export function useConnection<U>(selector: (state: ExtractState<AppStores['connection']>) => U): U {
  return useStore(useStores().connection, selector);
}

export function useHealth<U>(selector: (state: ExtractState<AppStores['health']>) => U): U {
  return useStore(useStores().health, selector);
}

export function useInspector<U>(selector: (state: ExtractState<AppStores['inspector']>) => U): U {
  return useStore(useStores().inspector, selector);
}

export function useReplay<U>(selector: (state: ExtractState<AppStores['replay']>) => U): U {
  return useStore(useStores().replay, selector);
}

export function useNavigation<U>(selector: (state: ExtractState<AppStores['navigation']>) => U): U {
  return useStore(useStores().navigation, selector);
}

export function useComposer<U>(selector: (state: ExtractState<AppStores['composer']>) => U): U {
  return useStore(useStores().composer, selector);
}

export function useComposerStream<U>(selector: (state: ExtractState<AppStores['composerStream']>) => U): U {
  return useStore(useStores().composerStream, selector);
}
