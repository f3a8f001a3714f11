import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { App } from './app/App';
import { createQueryClient } from './app/queryClient';
import { browserSessionStore } from './auth/session';
import { applyTheme } from './settings/theme';
import { rememberedSettings } from './settings/settingsCache';
import './styles.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html lost its #root element');

// The last theme this browser saw, before the first paint: no light flash at night.
applyTheme(rememberedSettings()?.theme ?? 'system');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={createQueryClient()}>
      <BrowserRouter>
        <App sessionStore={browserSessionStore()} />
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
