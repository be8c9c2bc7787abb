/**
 * shared/ runs in main (Node) and in the renderer (Chromium), so its own project (shared/tsconfig.json) is
 * checked with neither's types: a Node or DOM API used here fails the typecheck. Only the WHATWG globals both
 * provide are declared, as far as shared/ uses them. The main and renderer projects leave this file out and
 * check shared/ against their own complete declarations.
 */
interface URL {
  readonly href: string;
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
}
declare const URL: new (url: string, base?: string) => URL;
