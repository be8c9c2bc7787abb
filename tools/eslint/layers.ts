// The layers README § Architecture draws, as lint rules: each layer names the layers it may import, and
// `import-x/no-restricted-paths` refuses every other one, so an import that runs back up fails `npm run lint`.
// Packages (electron, node:*) are limited by the `no-restricted-imports` rules in eslint.config.ts.
import type { Linter } from 'eslint';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

interface Layer {
  /** A folder or file, from the repository root. */
  readonly path: string;
  /** The sibling layers (same table) its files may import; a layer may always import itself. */
  readonly mayImport: readonly string[];
  /** Single files of otherwise forbidden layers it may import. */
  readonly mayAlsoImport?: readonly string[];
}

/** The processes and the folders around them. Nothing that ships imports test code, and tools import no app code. */
const TOP_LAYERS: readonly Layer[] = [
  { path: 'shared', mayImport: [] },
  { path: 'renderer', mayImport: ['shared'] },
  { path: 'electron/preload', mayImport: ['shared'] },
  { path: 'electron/main', mayImport: ['shared'] },
  { path: 'tools', mayImport: [] },
  { path: 'test', mayImport: ['shared', 'renderer', 'electron/preload', 'electron/main', 'tools'] },
  { path: 'bench', mayImport: ['shared', 'renderer', 'electron/preload', 'electron/main', 'tools', 'test'] },
];

/**
 * Inside main, from the bottom up, as core.ts's header draws it. The shell (index.ts, app.ts, window.ts,
 * menu.ts) composes everything and is outside this table.
 */
const MAIN_LAYERS: readonly Layer[] = [
  { path: 'electron/main/infrastructure', mayImport: [] },
  { path: 'electron/main/domain', mayImport: [] },
  { path: 'electron/main/db', mayImport: ['electron/main/domain', 'electron/main/infrastructure'] },
  { path: 'electron/main/twilio', mayImport: ['electron/main/domain', 'electron/main/infrastructure'] },
  { path: 'electron/main/ipc', mayImport: ['electron/main/infrastructure'] },
  {
    path: 'electron/main/services',
    mayImport: ['electron/main/db', 'electron/main/twilio', 'electron/main/domain', 'electron/main/infrastructure'],
    // The type each service's handlers satisfy.
    mayAlsoImport: ['electron/main/ipc/registrar.ts'],
  },
  {
    path: 'electron/main/adapters',
    mayImport: ['electron/main/infrastructure'],
    // The registry ipc-main.ts drives.
    mayAlsoImport: ['electron/main/ipc/registrar.ts'],
  },
  {
    path: 'electron/main/core.ts',
    mayImport: [
      'electron/main/services',
      'electron/main/ipc',
      'electron/main/db',
      'electron/main/twilio',
      'electron/main/domain',
      'electron/main/infrastructure',
    ],
  },
];

/**
 * Inside the renderer: the api client and the UI state at the bottom, app-wide code (lib/) and shared UI
 * (components/) above them, features above those, and app/ (the shell and its screens) on top. Features may
 * use each other's pieces (the assign flow opens from Phone Numbers and Agents alike).
 */
const RENDERER_LAYERS: readonly Layer[] = [
  { path: 'renderer/src/api', mayImport: [] },
  { path: 'renderer/src/store', mayImport: [] },
  { path: 'renderer/src/lib', mayImport: ['renderer/src/api', 'renderer/src/store'] },
  { path: 'renderer/src/components', mayImport: ['renderer/src/lib', 'renderer/src/api', 'renderer/src/store'] },
  {
    path: 'renderer/src/features',
    mayImport: ['renderer/src/components', 'renderer/src/lib', 'renderer/src/api', 'renderer/src/store'],
  },
  {
    path: 'renderer/src/app',
    mayImport: [
      'renderer/src/features',
      'renderer/src/components',
      'renderer/src/lib',
      'renderer/src/api',
      'renderer/src/store',
    ],
  },
];

/** One zone per layer and sibling it may not import. */
function zonesOf(layers: readonly Layer[]) {
  return layers.flatMap((layer) =>
    layers
      .filter((other) => other !== layer && !layer.mayImport.includes(other.path))
      .map((other) => {
        const except = (layer.mayAlsoImport ?? [])
          .filter((file) => file.startsWith(`${other.path}/`))
          .map((file) => `./${file.slice(other.path.length + 1)}`);
        const allowed = [layer.path, ...layer.mayImport, ...(layer.mayAlsoImport ?? [])].join(', ');
        return {
          target: `./${layer.path}`,
          from: `./${other.path}`,
          ...(except.length > 0 ? { except } : {}),
          message: `${layer.path} may import only ${allowed} (README § Architecture).`,
        };
      }),
  );
}

export const layerConfigs: Linter.Config[] = [
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })] },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        { zones: [...zonesOf(TOP_LAYERS), ...zonesOf(MAIN_LAYERS), ...zonesOf(RENDERER_LAYERS)] },
      ],
    },
  },
];
