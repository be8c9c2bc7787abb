import type { LogFields, Logger, LogLevel } from '../../electron/main/infrastructure/logger';

export interface MemoryLogger extends Logger {
  entries: { level: LogLevel; message: string; fields: LogFields | undefined }[];
}

/** A Logger that keeps entries in memory, for assertions. */
export function createMemoryLogger(): MemoryLogger {
  const entries: MemoryLogger['entries'] = [];
  const at = (level: LogLevel) => (message: string, fields?: LogFields) => {
    entries.push({ level, message, fields });
  };
  return { entries, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
