/** The Electron security lint rules catch what they are for, and leave the app's own settings alone. */
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { electronSecurityConfigs, LINK_OPENER } from './electron-security';

const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, ...electronSecurityConfigs],
});

async function problems(code: string, filePath = 'electron/main/some-window.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => `${message.ruleId ?? 'parse'}: ${message.message}`);
}

const windowWith = (preferences: string) => `new BrowserWindow({ webPreferences: { ${preferences} } });`;

describe('Electron security lint rules', () => {
  it.each([
    ['nodeIntegration: true', /Node integration/],
    ['nodeIntegrationInSubFrames: true', /Node integration/],
    ['webviewTag: true', /webviews/],
    ['allowRunningInsecureContent: true', /insecure content/],
    ['experimentalFeatures: true', /experimental features/],
    ['contextIsolation: false', /contextIsolation/],
    ['sandbox: false', /sandbox/],
    ['webSecurity: isDev', /webSecurity/],
    ["enableBlinkFeatures: 'CSSVariables'", /Blink/],
  ])('flags %s', async (preference, message) => {
    const found = await problems(windowWith(preference));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
  });

  it("passes the app's own window settings", async () => {
    const settings = [
      'contextIsolation: true',
      'sandbox: true',
      'nodeIntegration: false',
      'nodeIntegrationInWorker: false',
      'webSecurity: true',
      'allowRunningInsecureContent: false',
      'webviewTag: false',
      "disableBlinkFeatures: 'Auxclick'",
    ].join(', ');
    expect(await problems(windowWith(settings))).toEqual([]);
  });

  it('flags injected code, eval and the remote module', async () => {
    expect(await problems('win.webContents.executeJavaScript(code);')).toHaveLength(1);
    expect(await problems('eval(code);')).toEqual([expect.stringMatching(/^no-eval/)]);
    expect(await problems("import remote from '@electron/remote';")).toEqual([expect.stringMatching(/remote module/)]);
  });

  it('lets only the window module open links in the browser', async () => {
    const code = 'shell.openExternal(url);';
    expect(await problems(code)).toEqual([expect.stringMatching(/allow-list/)]);
    expect(await problems(code, LINK_OPENER)).toEqual([]);
  });
});
