import { useState } from 'react';
import { useSettings } from '../../state/StoresContext';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { CapturesView } from '../captures/CapturesView';
import { SettingsView } from '../settings/SettingsView';
import { StatusBar } from '../status-bar/StatusBar';
import { type Section, Sidebar } from './Sidebar';
import { useDocumentTheme } from './useDocumentTheme';
import './layout.css';

export function AppLayout() {
  const [section, setSection] = useState<Section>('captures');
  useDocumentTheme(useSettings((s) => s.settings?.theme));

  return (
    <div className="app-shell">
      <Sidebar section={section} onSelect={setSection} />
      <main className="app-main">
        <ErrorBoundary area={section === 'captures' ? 'the captures' : 'the settings'} key={section}>
          {section === 'captures' ? (
            <CapturesView onOpenSettings={() => setSection('settings')} />
          ) : (
            <SettingsView />
          )}
        </ErrorBoundary>
      </main>
      <StatusBar />
    </div>
  );
}
