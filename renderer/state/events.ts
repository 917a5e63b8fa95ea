import type { EventName, EventPayload } from '../../shared/contract';

/** One pushed event, as the batcher buffers it. */
export type PushedEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];

export type CaptureEvent = Extract<
  PushedEvent,
  { name: 'capturesAdded' | 'capturesRemoved' | 'captureUpdated' }
>;
