import { useEffect } from 'react';
import { AgentsScreen } from '../features/agents/AgentsScreen';
import { CostsScreen } from '../features/costs/CostsScreen';
import { HelpScreen } from '../features/help/HelpScreen';
import { NumbersScreen } from '../features/numbers/NumbersScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { useAppStore } from '../store/store-context';
import { Sidebar } from './Sidebar';

function CurrentScreen() {
  const screen = useAppStore((state) => state.screen);
  switch (screen) {
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
  const followAppMenu = useAppStore((state) => state.followAppMenu);

  useEffect(() => {
    void loadConnection();
  }, [loadConnection]);
  useEffect(() => followAppMenu(), [followAppMenu]);

  return (
    <div className="app" data-ready={status !== null ? 'true' : 'false'}>
      <Sidebar />
      <main className="content">
        <CurrentScreen />
      </main>
    </div>
  );
}
