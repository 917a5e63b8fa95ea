import type { EventListener, EventName, EventPayload } from '../../shared/contract';

/** A typed fan-out for contract events; a throwing listener never stops the others. */
export class CoreEvents {
  private readonly listeners = new Map<EventName, Set<(payload: never) => void>>();

  constructor(private readonly onListenerError: (error: unknown) => void = () => {}) {}

  on<E extends EventName>(event: E, listener: EventListener<E>): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener as (payload: never) => void);
    return () => {
      set.delete(listener as (payload: never) => void);
    };
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const set = this.listeners.get(event);
    if (!set) return;
    for (const listener of set) {
      try {
        (listener as EventListener<E>)(payload);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }
}
