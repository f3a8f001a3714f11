import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { browserSessionStore } from './auth/session';
import './styles.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html lost its #root element');

createRoot(root).render(
  <StrictMode>
    <App sessionStore={browserSessionStore()} />
  </StrictMode>,
);
