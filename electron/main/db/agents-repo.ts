import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { AgentDraftSchema } from '../../../shared/domain/agents';

type AgentFields = z.output<typeof AgentDraftSchema>;

export interface AgentRecord extends AgentFields {
  id: string;
  createdAt: string;
  updatedAt: string;
}

const SELECT_AGENT = `SELECT id, name, greeting, instructions, voice, language, status,
  forwarding_number AS forwardingNumber, created_at AS createdAt, updated_at AS updatedAt FROM agents`;

export function listAgents(db: Database): AgentRecord[] {
  return db.prepare(`${SELECT_AGENT} ORDER BY name COLLATE NOCASE, created_at`).all() as AgentRecord[];
}

export function getAgent(db: Database, id: string): AgentRecord | null {
  return (db.prepare(`${SELECT_AGENT} WHERE id = ?`).get(id) as AgentRecord | undefined) ?? null;
}

export function insertAgent(db: Database, id: string, draft: AgentFields, at: string): void {
  db.prepare(
    `INSERT INTO agents (id, name, greeting, instructions, voice, language, status, forwarding_number, created_at, updated_at)
     VALUES (@id, @name, @greeting, @instructions, @voice, @language, @status, @forwardingNumber, @at, @at)`,
  ).run({ ...draft, id, at });
}

/** false when there is no such agent. */
export function updateAgent(db: Database, id: string, draft: AgentFields, at: string): boolean {
  const result = db
    .prepare(
      `UPDATE agents SET name = @name, greeting = @greeting, instructions = @instructions, voice = @voice,
         language = @language, status = @status, forwarding_number = @forwardingNumber, updated_at = @at
       WHERE id = @id`,
    )
    .run({ ...draft, id, at });
  return result.changes === 1;
}

export function deleteAgent(db: Database, id: string): void {
  db.prepare('DELETE FROM agents WHERE id = ?').run(id);
}
