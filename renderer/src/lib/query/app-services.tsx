/**
 * What the renderer is made of, created once per window (and once per test):
 * the typed api to main, the query client holding what main answered, the
 * offline report, and the zustand store of what is on screen.
 */
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import type { GleamApi } from '../../../../shared/ipc/contract';
import { createAppStore, type AppStore } from '../../store/store';
import { StoreProvider } from '../../store/store-context';
import { createOfflineReport, type OfflineReport } from '../connectivity/offline-report';
import { MainEvents } from './main-events';
import { createQueryClient } from './query-client';

export interface AppServices {
  api: GleamApi;
  queryClient: QueryClient;
  offlineReport: OfflineReport;
  store: AppStore;
}

export function createAppServices(api: GleamApi): AppServices {
  const offlineReport = createOfflineReport();
  return { api, offlineReport, queryClient: createQueryClient(offlineReport), store: createAppStore() };
}

const ServicesContext = createContext<AppServices | null>(null);

function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('this needs AppProviders');
  return services;
}

export const useApi = (): GleamApi => useServices().api;
export const useOfflineReportStore = (): OfflineReport => useServices().offlineReport;

/** Everything a screen reaches through context, and main's events followed for as long as the app is open. */
export function AppProviders({ services, children }: { services: AppServices; children: ReactNode }) {
  return (
    <ServicesContext.Provider value={services}>
      <QueryClientProvider client={services.queryClient}>
        <StoreProvider store={services.store}>
          <MainEvents />
          {children}
        </StoreProvider>
      </QueryClientProvider>
    </ServicesContext.Provider>
  );
}
