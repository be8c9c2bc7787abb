import { useMemo } from 'react';
import type { OwnedNumber } from '../../../../shared/domain/numbers';
import { useAgentList, useNumberList } from '../../lib/query/reads';
import type { AssignmentDialog } from '../../store/dialogs-slice';
import { useAppStore } from '../../store/store-context';
import { AdoptDialog } from './AdoptDialog';
import { AssignDialog } from './AssignDialog';
import { FixDialog } from './FixDialog';
import { UnassignDialog } from './UnassignDialog';
import { useAssignmentActions } from './use-assignment-actions';
import './assignments.css';

const EMPTY: readonly OwnedNumber[] = [];

/**
 * The open assignment dialog, whichever screen opened it. Numbers are looked
 * up by SID in the current list, so a dialog always shows them as they are now.
 */
export function AssignmentDialogs({ fallbackFocus }: { fallbackFocus: () => HTMLElement | null }) {
  const dialog = useAppStore((state) => state.assignmentDialog);
  if (!dialog) return null;
  return <OpenDialog dialog={dialog} fallbackFocus={fallbackFocus} />;
}

function OpenDialog({ dialog, fallbackFocus }: { dialog: AssignmentDialog; fallbackFocus: () => HTMLElement | null }) {
  const owned = useNumberList().data?.numbers ?? EMPTY;
  const agents = useAgentList().data ?? null;
  const assignmentActions = useAssignmentActions();
  const bySid = useMemo(() => new Map(owned.map((number) => [number.sid, number])), [owned]);
  const pick = (sids: readonly string[]) =>
    sids.map((sid) => bySid.get(sid)).filter((number): number is OwnedNumber => number !== undefined);
  const common = { actions: assignmentActions, fallbackFocus };

  switch (dialog.kind) {
    case 'assign-numbers': {
      const agent = agents?.find((known) => known.id === dialog.agentId);
      return agent ? <AssignDialog {...common} mode={{ kind: 'pick-numbers', agent, owned }} /> : null;
    }
    case 'assign-to-agent':
      return agents ? (
        <AssignDialog {...common} mode={{ kind: 'pick-agent', chosen: pick(dialog.numberSids), agents }} />
      ) : null;
    case 'unassign':
      return <UnassignDialog {...common} numbers={pick(dialog.numberSids)} />;
    case 'adopt': {
      const number = bySid.get(dialog.numberSid);
      return number ? <AdoptDialog {...common} number={number} /> : null;
    }
    case 'fix': {
      const number = bySid.get(dialog.numberSid);
      return number ? <FixDialog {...common} number={number} /> : null;
    }
  }
}
