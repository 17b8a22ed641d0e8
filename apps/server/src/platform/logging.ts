import { pino, type Logger } from 'pino';
import type { Config } from './config.ts';

export type Log = Logger;

/** One logger for the HTTP server, the jobs and the CLI. */
export function createLogger(config: Pick<Config, 'logLevel'>): Log {
  return pino({ level: config.logLevel });
}
