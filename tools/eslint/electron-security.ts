// Electron security rules for main-process and preload code: the checklist items a lint can hold
// (https://www.electronjs.org/docs/latest/tutorial/security). eslint.config.ts applies them to
// electron/**, so `npm run lint` and `npm run security` fail on any of them.
import type { Linter } from 'eslint';

/** webPreferences that must never be turned on. */
const MUST_STAY_OFF = [
  'nodeIntegration',
  'nodeIntegrationInWorker',
  'nodeIntegrationInSubFrames',
  'webviewTag',
  'allowRunningInsecureContent',
  'experimentalFeatures',
];
/** webPreferences that must never be turned off. */
const MUST_STAY_ON = ['contextIsolation', 'sandbox', 'webSecurity'];

const anyOf = (names: readonly string[]) => `/^(${names.join('|')})$/`;

const OPEN_EXTERNAL = {
  selector: 'CallExpression[callee.property.name=/^(openExternal|openPath)$/]',
  message: 'Electron security: links leave the app only through the allow-list in electron/main/window.ts.',
};

const RESTRICTED_SYNTAX = [
  {
    selector: `Property[key.name=${anyOf(MUST_STAY_OFF)}]:not([value.value=false])`,
    message: 'Electron security: Node integration, webviews, insecure content and experimental features stay off.',
  },
  {
    selector: `Property[key.name=${anyOf(MUST_STAY_ON)}]:not([value.value=true])`,
    message: 'Electron security: contextIsolation, sandbox and webSecurity stay on.',
  },
  {
    selector: 'Property[key.name="enableBlinkFeatures"]',
    message: 'Electron security: no experimental Blink features.',
  },
  {
    selector: 'CallExpression[callee.property.name=/^(executeJavaScript|insertCSS)$/]',
    message: 'Electron security: main never injects code or styles into a page.',
  },
  {
    selector: 'ImportDeclaration[source.value="@electron/remote"]',
    message: 'Electron security: the remote module hands main to the page.',
  },
];

/** The one file allowed to open links in the browser: it checks each against its allow-list first. */
export const LINK_OPENER = 'electron/main/window.ts';

export const electronSecurityConfigs: Linter.Config[] = [
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-syntax': ['error', ...RESTRICTED_SYNTAX, OPEN_EXTERNAL],
    },
  },
  {
    files: [LINK_OPENER],
    rules: { 'no-restricted-syntax': ['error', ...RESTRICTED_SYNTAX] },
  },
];
