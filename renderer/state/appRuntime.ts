import type { ComposerState, HistorySummary } from '../../shared/composer';
import type { ReceiverStatus, Settings, StoreHealth } from '../../shared/domain';
import type { ReplayProgress } from '../../shared/replay';
import type { RuleHits, RuleState } from '../../shared/rules';
import type { HookbenchClient } from '../client';
import { type CapturesStore, createCapturesStore } from './capturesStore';
import { type ComposerStore, createComposerStore } from './composerStore';
import { type ComposerStreamStore, createComposerStreamStore } from './composerStreamStore';
import { type ConnectionStore, createConnectionStore } from './connectionStore';
import type { CaptureEvent, PushedEvent } from './events';
import { createFrameBatcher, type FrameScheduler } from './frameBatcher';
import { createHealthStore, type HealthStore } from './healthStore';
import { createInspectorStore, type InspectorStore } from './inspectorStore';
import { createNavigationStore, type NavigationStore } from './navigationStore';
import { createReceiverStore, type ReceiverStore } from './receiverStore';
import { createReplayStore, type ReplayStore } from './replayStore';
import { createRulesStore, type RulesStore } from './rulesStore';
import { createSettingsStore, type SettingsStore } from './settingsStore';

export interface AppStores {
  captures: CapturesStore;
  receiver: ReceiverStore;
  settings: SettingsStore;
  rules: RulesStore;
  connection: ConnectionStore;
  health: HealthStore;
  inspector: InspectorStore;
  replay: ReplayStore;
  navigation: NavigationStore;
  composer: ComposerStore;
  composerStream: ComposerStreamStore;
}

export interface AppRuntime {
  readonly client: HookbenchClient;
  readonly stores: AppStores;
  /** Subscribes to the core's events and loads the initial state. */
  start(): void;
  dispose(): void;
}

/** Wires one client to the stores: pushed events go through a per-frame batcher into them. */
export function createAppRuntime(client: HookbenchClient, scheduler?: FrameScheduler): AppRuntime {
  const batcher = createFrameBatcher<PushedEvent>((events) => deliver(events), scheduler);
  const flushPendingEvents = () => batcher.flush();

  const composer = createComposerStore(client, flushPendingEvents);
  const stores: AppStores = {
    captures: createCapturesStore({ client, flushPendingEvents }),
    receiver: createReceiverStore(client, flushPendingEvents),
    settings: createSettingsStore(client, flushPendingEvents),
    rules: createRulesStore(client, flushPendingEvents),
    connection: createConnectionStore(client),
    health: createHealthStore(client, flushPendingEvents),
    inspector: createInspectorStore(client),
    replay: createReplayStore(client, flushPendingEvents),
    navigation: createNavigationStore(),
    composer,
    composerStream: createComposerStreamStore(composer),
  };

  function deliver(events: readonly PushedEvent[]): void {
    const captureEvents: CaptureEvent[] = [];
    // Status, settings and rules events each carry the whole state, so only the last one matters.
    let status: ReceiverStatus | undefined;
    let health: StoreHealth | undefined;
    let bucketsChanged = false;
    let settings: Settings | undefined;
    let rules: RuleState | undefined;
    // Hit counts pushed after the last rules change are newer than the counts it carried.
    let hits: RuleHits | undefined;
    // Every bulk run's counts, in order: several runs can report in one frame.
    const progress: ReplayProgress[] = [];
    let composer: ComposerState | undefined;
    // Each history change in order: a clear between two sends must not be lost.
    const historyChanges: { latest: HistorySummary | null; total: number }[] = [];
    for (const event of events) {
      switch (event.name) {
        case 'capturesAdded':
          // Only captures sent to an echo bucket can change the bucket list.
          bucketsChanged ||= event.payload.items.some((capture) => capture.bucket !== null);
          captureEvents.push(event);
          break;
        case 'capturesRemoved':
          bucketsChanged = true;
          captureEvents.push(event);
          break;
        case 'captureUpdated':
          captureEvents.push(event);
          break;
        case 'storeHealth':
          health = event.payload;
          break;
        case 'receiverStatus':
          status = event.payload;
          break;
        case 'settingsChanged':
          settings = event.payload;
          break;
        case 'rulesChanged':
          rules = event.payload;
          hits = undefined;
          break;
        case 'ruleHits':
          hits = event.payload;
          break;
        case 'replayProgress':
          progress.push(event.payload);
          break;
        case 'composerChanged':
          composer = event.payload;
          break;
        case 'composerHistoryChanged':
          historyChanges.push(event.payload);
          break;
      }
    }
    stores.captures.getState().applyEvents(captureEvents);
    if (status) stores.receiver.getState().setStatus(status);
    if (health) stores.health.getState().setHealth(health);
    if (bucketsChanged) stores.inspector.getState().bucketsMayHaveChanged();
    if (settings) stores.settings.getState().setSettings(settings);
    if (rules) stores.rules.getState().applyState(rules);
    if (hits) stores.rules.getState().setHits(hits);
    for (const counts of progress) stores.replay.getState().applyProgress(counts);
    if (composer) stores.composer.getState().applyState(composer);
    for (const change of historyChanges) stores.composer.getState().applyHistory(change);
  }

  const loadAll = () => {
    void stores.receiver.getState().load();
    void stores.settings.getState().load();
    void stores.captures.getState().load();
    void stores.rules.getState().load();
    void stores.composer.getState().load();
    void stores.health.getState().load();
    void stores.inspector.getState().loadBuckets();
  };

  const unsubscribers: (() => void)[] = [];

  return {
    client,
    stores,

    start() {
      // Subscribe before loading, so nothing that happens during the load is missed.
      unsubscribers.push(
        client.on('capturesAdded', (payload) => batcher.push({ name: 'capturesAdded', payload })),
        client.on('capturesRemoved', (payload) => batcher.push({ name: 'capturesRemoved', payload })),
        client.on('captureUpdated', (payload) => batcher.push({ name: 'captureUpdated', payload })),
        client.on('storeHealth', (payload) => batcher.push({ name: 'storeHealth', payload })),
        client.on('receiverStatus', (payload) => batcher.push({ name: 'receiverStatus', payload })),
        client.on('settingsChanged', (payload) => batcher.push({ name: 'settingsChanged', payload })),
        client.on('rulesChanged', (payload) => batcher.push({ name: 'rulesChanged', payload })),
        client.on('ruleHits', (payload) => batcher.push({ name: 'ruleHits', payload })),
        client.on('replayProgress', (payload) => batcher.push({ name: 'replayProgress', payload })),
        client.on('composerChanged', (payload) => batcher.push({ name: 'composerChanged', payload })),
        client.on('composerHistoryChanged', (payload) =>
          batcher.push({ name: 'composerHistoryChanged', payload }),
        ),
      );
      let lostConnection = false;
      const unsubscribeConnection = client.onConnectionChange?.((state) => {
        stores.connection.setState({ state });
        if (state === 'closed') lostConnection = true;
        // Events pushed while the link was down are gone for good: reload everything.
        if (state === 'open' && lostConnection) {
          lostConnection = false;
          loadAll();
          void stores.replay.getState().resync();
        }
      });
      if (unsubscribeConnection) unsubscribers.push(unsubscribeConnection);
      loadAll();
    },

    dispose() {
      for (const unsubscribe of unsubscribers.splice(0)) unsubscribe();
      batcher.dispose();
      client.dispose?.();
    },
  };
}
