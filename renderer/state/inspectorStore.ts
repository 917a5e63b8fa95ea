/**
 * The inspector's reads that are not the capture list: bodies, diagnoses,
 * timelines, buckets, export and import. Components go through this store, not
 * the client, like everywhere else in the renderer.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CommandRequest, CommandResponse } from '../../shared/contract';
import type { BucketInfo } from '../../shared/domain';
import type { HookbenchClient } from '../client';
import { createThrottledTask } from './throttledTask';

export interface InspectorStoreState {
  buckets: readonly BucketInfo[];
  loadBuckets(): Promise<void>;
  /** New captures may have opened a bucket or changed its count. */
  bucketsMayHaveChanged(): void;
  getBody(request: CommandRequest<'getCaptureBody'>): Promise<CommandResponse<'getCaptureBody'>>;
  diagnose(id: number): Promise<CommandResponse<'diagnoseCapture'>>;
  smsTimeline(request: CommandRequest<'getSmsTimeline'>): Promise<CommandResponse<'getSmsTimeline'>>;
  exportCaptures(request: CommandRequest<'exportCaptures'>): Promise<CommandResponse<'exportCaptures'>>;
  importCaptures(text: string): Promise<CommandResponse<'importCaptures'>>;
}

export type InspectorStore = StoreApi<InspectorStoreState>;

const BUCKET_REFRESH_MS = 1000;

export function createInspectorStore(client: HookbenchClient): InspectorStore {
  return createStore<InspectorStoreState>()((set, get) => {
    const refreshBuckets = createThrottledTask(() => get().loadBuckets(), BUCKET_REFRESH_MS);
    return {
      buckets: [],

      async loadBuckets() {
        try {
          set({ buckets: await client.call('listBuckets', undefined) });
        } catch {
          // Buckets are a convenience; the list keeps the last known ones.
        }
      },

      bucketsMayHaveChanged() {
        refreshBuckets.schedule();
      },

      getBody: (request) => client.call('getCaptureBody', request),
      diagnose: (id) => client.call('diagnoseCapture', { id }),
      smsTimeline: (request) => client.call('getSmsTimeline', request),
      exportCaptures: (request) => client.call('exportCaptures', request),
      importCaptures: (text) => client.call('importCaptures', { text }),
    };
  });
}
