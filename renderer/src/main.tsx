import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApi } from './api/client';
import { App } from './app/App';
import { AppProviders, createAppServices } from './lib/query/app-services';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <AppProviders services={createAppServices(createApi(window.gleam))}>
      <App />
    </AppProviders>
  </StrictMode>,
);
