/**
 * The main process log: JSON lines in the app's log folder, every line passed
 * through the secret redactor as its last step, so nothing written here can
 * carry the Auth Token. The file is rotated once it passes a size limit,
 * keeping one previous file.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SecretRedactor } from './secret-redactor';
import { systemClock, type Clock } from './clock';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export interface FileLoggerOptions {
  filePath: string;
  redactor: SecretRedactor;
  maxBytes?: number;
  clock?: Clock;
  /** Also echo lines to stderr (development). */
  echo?: boolean;
}

const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export function createFileLogger(options: FileLoggerOptions): Logger {
  const { filePath, redactor, maxBytes = DEFAULT_MAX_BYTES, clock = systemClock, echo = false } = options;
  fs.mkdirSync(path.dirname(filePath), { recursive: true });
  let size = fs.existsSync(filePath) ? fs.statSync(filePath).size : 0;

  const write = (level: LogLevel, message: string, fields?: LogFields) => {
    const line = redactor.scrub(JSON.stringify({ time: clock().toISOString(), level, message, ...fields })) + '\n';
    if (size + line.length > maxBytes) {
      fs.renameSync(filePath, `${filePath}.1`);
      size = 0;
    }
    fs.appendFileSync(filePath, line, { mode: 0o600 });
    size += Buffer.byteLength(line);
    if (echo) process.stderr.write(line);
  };

  return {
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}
