import { AgentsScreen } from '../features/agents/AgentsScreen';
import { CostsScreen } from '../features/costs/CostsScreen';
import { HelpScreen } from '../features/help/HelpScreen';
import { NumbersScreen } from '../features/numbers/NumbersScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { SetupScreen } from '../features/setup/SetupScreen';
import { useConnectionStatus, useReachability } from '../lib/query/reads';
import { useAppStore } from '../store/store-context';
import { useOpenSetupIfNeeded, useSetupProgress } from '../features/setup/use-setup';
import { Sidebar } from './Sidebar';

function CurrentScreen() {
  const screen = useAppStore((state) => state.screen);
  switch (screen) {
    case 'setup':
      return <SetupScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'help':
      return <HelpScreen />;
    case 'numbers':
      return <NumbersScreen />;
    case 'agents':
      return <AgentsScreen />;
    case 'costs':
      return <CostsScreen />;
  }
}

export function App() {
  const { data: status } = useConnectionStatus();
  // Ready once the first screen is decided: the setup guide opens at start when it has work left.
  const setupKnown = useSetupProgress().isFetched;
  useReachability();
  useOpenSetupIfNeeded();

  return (
    <div className="app" data-ready={status !== undefined && setupKnown ? 'true' : 'false'}>
      <Sidebar />
      <main className="content">
        <CurrentScreen />
      </main>
    </div>
  );
}
