import type { AgentStatus } from '../../../../shared/domain/agents';
import { STATUS_LABEL } from './agent-format';

export function StatusPill({ status }: { status: AgentStatus }) {
  return <span className={`pill pill-agent-${status}`}>{STATUS_LABEL[status]}</span>;
}
