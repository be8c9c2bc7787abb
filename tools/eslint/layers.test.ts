/** The layer rules refuse an import that runs back up, with the repository's own lint config, and allow the plan. */
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// The repository's config, without type information: the probe files below exist only as text.
const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: tseslint.configs.disableTypeChecked });

async function layerProblems(filePath: string, specifier: string): Promise<string[]> {
  const [result] = await eslint.lintText(`export * from '${specifier}';\n`, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'import-x/no-restricted-paths')
    .map((message) => message.message);
}

describe('layer rules', () => {
  it.each([
    ['electron/main/db/probe.ts', '../services/numbers-service', /electron\/main\/db may import only/],
    ['electron/main/twilio/probe.ts', '../db/numbers-repo', /electron\/main\/twilio may import only/],
    ['electron/main/infrastructure/probe.ts', '../services/numbers-service', /infrastructure may import only/],
    ['electron/main/db/probe.ts', '../twilio/gateway', /electron\/main\/db may import only/],
    ['electron/main/ipc/probe.ts', '../services/numbers-service', /electron\/main\/ipc may import only/],
    ['electron/main/adapters/probe.ts', '../services/numbers-service', /adapters may import only/],
    ['electron/main/services/probe.ts', '../core', /services may import only/],
    ['electron/main/services/probe.ts', '../../../test/support/memory-logger', /electron\/main may import only/],
    ['renderer/src/probe.ts', '../../electron/main/core', /renderer may import only/],
    ['renderer/src/lib/probe.ts', '../features/numbers/NumbersScreen', /renderer\/src\/lib may import only/],
    ['renderer/src/components/probe.ts', '../app/App', /renderer\/src\/components may import only/],
    ['renderer/src/store/probe.ts', '../lib/format', /renderer\/src\/store may import only/],
    ['shared/probe.ts', '../renderer/src/api/client', /shared may import only/],
    ['electron/preload/probe.ts', '../main/core', /electron\/preload may import only/],
    ['tools/fake-twilio/probe.ts', '../../shared/money', /tools may import only/],
    ['test/support/probe.ts', '../../bench/bench', /test may import only/],
  ])('refuses %s importing %s', async (filePath, specifier, message) => {
    expect(await layerProblems(filePath, specifier)).toEqual([expect.stringMatching(message)]);
  });

  it.each([
    ['electron/main/services/probe.ts', '../db/numbers-repo'],
    ['electron/main/services/probe.ts', '../ipc/registrar'],
    ['electron/main/twilio/probe.ts', '../domain/twilio-number'],
    ['electron/main/db/probe.ts', '../../../shared/money'],
    ['electron/main/core-probe.ts', './services/numbers-service'],
    ['renderer/src/probe.ts', '../../shared/money'],
    ['renderer/src/features/probe.ts', '../lib/format'],
    ['test/main/probe.ts', '../../electron/main/core'],
    ['bench/probe.ts', '../test/support/app-host'],
  ])('allows %s importing %s', async (filePath, specifier) => {
    expect(await layerProblems(filePath, specifier)).toEqual([]);
  });
});
