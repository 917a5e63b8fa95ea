import { lazy, Suspense } from 'react';
import { useNavigation, useSettings } from '../../state/StoresContext';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { CapturesView } from '../captures/CapturesView';
import { SettingsView } from '../settings/SettingsView';
import { StatusBar } from '../status-bar/StatusBar';
import { type Section, Sidebar } from './Sidebar';
import { StoreHealthBanner } from './StoreHealthBanner';
import { useDocumentTheme } from './useDocumentTheme';
import './layout.css';

// The rule editor brings CodeMirror; loading it on the first visit keeps startup light.
const RespondersView = lazy(() =>
  import('../responders/RespondersView').then((module) => ({ default: module.RespondersView })),
);
const ComposerView = lazy(() =>
  import('../composer/ComposerView').then((module) => ({ default: module.ComposerView })),
);
const ReplayView = lazy(() =>
  import('../replay/ReplayView').then((module) => ({ default: module.ReplayView })),
);

const AREAS: Record<Section, string> = {
  captures: 'the captures',
  responders: 'the responders',
  composer: 'the composer',
  replay: 'replay and simulation',
  settings: 'the settings',
};

export function AppLayout() {
  // In a store, so another screen can switch sections (e.g. "Replay" on a capture).
  const section = useNavigation((s) => s.section);
  const setSection = useNavigation((s) => s.setSection);
  useDocumentTheme(useSettings((s) => s.settings?.theme));

  return (
    <div className="app-shell">
      <StoreHealthBanner />
      <Sidebar section={section} onSelect={setSection} />
      <main className="app-main">
        <ErrorBoundary area={AREAS[section]} key={section}>
          {section === 'captures' && <CapturesView onOpenSettings={() => setSection('settings')} />}
          {section === 'responders' && (
            <Suspense fallback={null}>
              <RespondersView />
            </Suspense>
          )}
          {section === 'composer' && (
            <Suspense fallback={null}>
              <ComposerView />
            </Suspense>
          )}
          {section === 'replay' && (
            <Suspense fallback={null}>
              <ReplayView />
            </Suspense>
          )}
          {section === 'settings' && <SettingsView />}
        </ErrorBoundary>
      </main>
      <StatusBar />
    </div>
  );
}
