import { useEffect } from 'react';
import { AgentsScreen } from '../features/agents/AgentsScreen';
import { CostsScreen } from '../features/costs/CostsScreen';
import { HelpScreen } from '../features/help/HelpScreen';
import { NumbersScreen } from '../features/numbers/NumbersScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { SetupScreen } from '../features/setup/SetupScreen';
import { useAppStore } from '../store/store-context';
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
  const loadConnection = useAppStore((state) => state.loadConnection);
  const status = useAppStore((state) => state.connection.status);
  // Ready once the first screen is decided: the setup guide opens at start when it has work left.
  const setupKnown = useAppStore((state) => state.setup.progress !== null || state.setup.error !== null);
  const followAppMenu = useAppStore((state) => state.followAppMenu);
  const watchTwilioReachability = useAppStore((state) => state.watchTwilioReachability);
  const openSetupIfNeeded = useAppStore((state) => state.openSetupIfNeeded);

  useEffect(() => {
    void loadConnection();
    void openSetupIfNeeded();
  }, [loadConnection, openSetupIfNeeded]);
  useEffect(() => followAppMenu(), [followAppMenu]);
  useEffect(() => watchTwilioReachability(), [watchTwilioReachability]);

  return (
    <div className="app" data-ready={status !== null && setupKnown ? 'true' : 'false'}>
      <Sidebar />
      <main className="content">
        <CurrentScreen />
      </main>
    </div>
  );
}
