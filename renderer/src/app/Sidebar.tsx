import { useConnectionStatus, useReachability } from '../lib/query/reads';
import { useAppStore } from '../store/store-context';
import type { Screen } from '../store/navigation-slice';
import { Icon, type IconName } from '../components/icons';

const ITEMS: { screen: Screen; label: string; icon: IconName }[] = [
  { screen: 'setup', label: 'Setup guide', icon: 'steps' },
  { screen: 'numbers', label: 'Phone Numbers', icon: 'phone' },
  { screen: 'agents', label: 'Agents', icon: 'agent' },
  { screen: 'costs', label: 'Costs', icon: 'costs' },
  { screen: 'settings', label: 'Settings', icon: 'gear' },
  { screen: 'help', label: 'Help', icon: 'help' },
];

export function Sidebar() {
  const current = useAppStore((state) => state.screen);
  const navigate = useAppStore((state) => state.navigate);
  const showAgents = useAppStore((state) => state.showAgents);
  const status = useConnectionStatus().data;
  const unreachable = useReachability().data?.state === 'unreachable';

  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">Gleam</div>
      <ul>
        {ITEMS.map((item) => (
          <li key={item.screen}>
            <button
              type="button"
              className={item.screen === current ? 'nav-item nav-item-current' : 'nav-item'}
              aria-current={item.screen === current ? 'page' : undefined}
              onClick={() => {
                // Agents again, from one agent or the editor, goes back to the list, as a top-level link would.
                if (item.screen === 'agents' && current === 'agents') showAgents({ kind: 'list' });
                navigate(item.screen);
              }}
            >
              <Icon name={item.icon} />
              {item.label}
            </button>
          </li>
        ))}
      </ul>
      <p className="sidebar-status" role="status">
        {status?.state !== 'connected'
          ? 'Twilio: not connected'
          : unreachable
            ? `Twilio: can’t be reached (${status.account.friendlyName})`
            : `Twilio: ${status.account.friendlyName}`}
      </p>
    </nav>
  );
}
