import { lazy, Suspense, useState } from 'react';
import { useSettings } from '../../state/StoresContext';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { CapturesView } from '../captures/CapturesView';
import { SettingsView } from '../settings/SettingsView';
import { StatusBar } from '../status-bar/StatusBar';
import { type Section, Sidebar } from './Sidebar';
import { useDocumentTheme } from './useDocumentTheme';
import './layout.css';

// The rule editor brings CodeMirror; loading it on the first visit keeps startup light.
const RespondersView = lazy(() =>
  import('../responders/RespondersView').then((module) => ({ default: module.RespondersView })),
);

const AREAS: Record<Section, string> = {
  captures: 'the captures',
  responders: 'the responders',
  settings: 'the settings',
};

export function AppLayout() {
  const [section, setSection] = useState<Section>('captures');
  useDocumentTheme(useSettings((s) => s.settings?.theme));

  return (
    <div className="app-shell">
      <Sidebar section={section} onSelect={setSection} />
      <main className="app-main">
        <ErrorBoundary area={AREAS[section]} key={section}>
          {section === 'captures' && <CapturesView onOpenSettings={() => setSection('settings')} />}
          {section === 'responders' && (
            <Suspense fallback={null}>
              <RespondersView />
            </Suspense>
          )}
          {section === 'settings' && <SettingsView />}
        </ErrorBoundary>
      </main>
      <StatusBar />
    </div>
  );
}
