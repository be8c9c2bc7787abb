/** The reads several screens share: what main last said of the connection, Twilio, the numbers and the agents. */
import { useChannelQuery } from './hooks';

export const useConnectionStatus = () => useChannelQuery('connection:getStatus', {});
export const useReachability = () => useChannelQuery('reachability:status', {});
export const useNumberList = () => useChannelQuery('numbers:list', {});
export const useAgentList = () => useChannelQuery('agents:list', {}, { select: (answer) => answer.agents });

/** The connected account's status, or null while unknown or not connected. */
export function useConnectedStatus() {
  const { data } = useConnectionStatus();
  return data?.state === 'connected' ? data : null;
}
