import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApi } from './api/client';
import { App } from './app/App';
import { createAppStore } from './store/store';
import { StoreProvider } from './store/store-context';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <StoreProvider store={createAppStore(createApi(window.gleam))}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
