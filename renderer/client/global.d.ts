import type { HookbenchApi } from '../../shared/contract';

declare global {
  interface Window {
    /** Set by the Electron preload; absent when the UI runs in a browser against the headless host. */
    hookbench?: HookbenchApi;
  }
}
