import { render } from '@testing-library/react';
import { createApi } from '../api/client';
import { App } from '../app/App';
import { createAppStore } from '../store/store';
import { StoreProvider } from '../store/store-context';
import { createFakeBridge, type FakeHandlers } from './fake-bridge';

/** Renders the whole app against scripted main-process answers. */
export function renderApp(handlers: FakeHandlers) {
  const fake = createFakeBridge(handlers);
  const store = createAppStore(createApi(fake.bridge));
  const view = render(
    <StoreProvider store={store}>
      <App />
    </StoreProvider>,
  );
  return { ...view, store, calls: fake.calls, emit: fake.emit };
}
