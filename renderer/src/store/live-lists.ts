/**
 * The owned numbers and the agents, loaded when a screen that shows them
 * opens and reloaded whenever main says they changed, for as long as it is open.
 */
import { useEffect } from 'react';
import { useAppStore } from './store-context';

export function useLiveNumbers(): void {
  const loadNumbers = useAppStore((state) => state.loadNumbers);
  const watchNumbers = useAppStore((state) => state.watchNumbers);
  useEffect(() => {
    void loadNumbers();
    return watchNumbers();
  }, [loadNumbers, watchNumbers]);
}

export function useLiveAgents(): void {
  const loadAgents = useAppStore((state) => state.loadAgents);
  const watchAgents = useAppStore((state) => state.watchAgents);
  useEffect(() => {
    void loadAgents();
    return watchAgents();
  }, [loadAgents, watchAgents]);
}
