/**
 * Module-resolution hooks for the built app's process (registered by
 * register.ts): `electron` resolves to the stand-in, and every module the app
 * loads is reported, so a test can tell that `out/` ran and no TypeScript
 * source did. Runs on Node's loader thread.
 */
import type { MessagePort } from 'node:worker_threads';

interface ResolveResult {
  url: string;
  shortCircuit?: boolean;
}
type NextResolve = (specifier: string, context: object) => Promise<ResolveResult>;

let loads: MessagePort | null = null;

export function initialize(data: { loads: MessagePort }): void {
  loads = data.loads;
}

export async function resolve(specifier: string, context: object, nextResolve: NextResolve): Promise<ResolveResult> {
  if (specifier === 'electron') {
    return { url: new URL('./electron.ts', import.meta.url).href, shortCircuit: true };
  }
  const resolved = await nextResolve(specifier, context);
  loads?.postMessage(resolved.url);
  return resolved;
}
