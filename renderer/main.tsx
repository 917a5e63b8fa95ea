import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from './client';
import { AppLayout } from './features/layout/AppLayout';
import { createAppRuntime } from './state/appRuntime';
import { StoresProvider } from './state/StoresContext';
import './styles/theme.css';
import './styles/base.css';
import './ui/ui.css';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('Hookbench: #root is missing from index.html');

// Created once, outside React, so StrictMode's double effects cannot open two connections.
const runtime = createAppRuntime(createClient());
runtime.start();

createRoot(rootElement).render(
  <StrictMode>
    <StoresProvider stores={runtime.stores}>
      <AppLayout />
    </StoresProvider>
  </StrictMode>,
);
