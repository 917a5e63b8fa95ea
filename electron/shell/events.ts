/** Pushes every contract event from the core to the app's live windows. */
import { EVENTS, type EventListener, type EventName, ipcChannel } from '../../shared/contract';

/** The part of `WebContents` used here. */
export interface EventReceiver {
  isDestroyed(): boolean;
  send(channel: string, payload: unknown): void;
}

export interface EventSource {
  on<E extends EventName>(event: E, listener: EventListener<E>): () => void;
}

/**
 * Subscribes to every event in the contract; returns a function that
 * unsubscribes them all. Targets are looked up per event, so windows opened
 * or closed later are handled without re-subscribing.
 */
export function forwardEvents(core: EventSource, getTargets: () => Iterable<EventReceiver>): () => void {
  const unsubscribers = EVENTS.map((name) =>
    core.on(name, (payload) => {
      const channel = ipcChannel.event(name);
      for (const target of getTargets()) {
        if (!target.isDestroyed()) target.send(channel, payload);
      }
    }),
  );
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
