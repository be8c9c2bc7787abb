/**
 * A tiny route table: method + path template → handler. Templates use the
 * OpenAPI spelling (`/v1/Services/{Sid}`) so routes read like the spec's
 * paths, and the parameter names in a template type the handler's `params`.
 */

/** Names of the `{Param}` placeholders in a path template. */
export type PathParams<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PathParams<Rest>
  : never;

export interface RouteSpec {
  method: string;
  path: string;
}

export type RouteMatch<R extends RouteSpec> =
  | { kind: 'found'; route: R; params: Record<string, string> }
  /** The path exists but not for this method. */
  | { kind: 'method_not_allowed' }
  | { kind: 'not_found' };

interface CompiledRoute<R> {
  route: R;
  pattern: RegExp;
  names: string[];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A malformed escape is a client error to answer, not an exception to crash on. */
function decodeSegment(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function compile<R extends RouteSpec>(route: R): CompiledRoute<R> {
  const names: string[] = [];
  const source = route.path
    .split(/(\{[A-Za-z]+\})/)
    .map((part) => {
      const name = /^\{([A-Za-z]+)\}$/.exec(part)?.[1];
      if (name === undefined) return escapeRegExp(part);
      names.push(name);
      // A parameter never spans a slash and, being lazy, leaves a `.json` suffix to the template.
      return '([^/]+?)';
    })
    .join('');
  return { route, pattern: new RegExp(`^${source}$`), names };
}

export class RouteTable<R extends RouteSpec> {
  private readonly compiled: CompiledRoute<R>[];

  constructor(routes: readonly R[]) {
    this.compiled = routes.map(compile);
  }

  match(method: string, path: string): RouteMatch<R> {
    let pathExists = false;
    for (const { route, pattern, names } of this.compiled) {
      const found = pattern.exec(path);
      if (!found) continue;
      pathExists = true;
      if (route.method !== method.toUpperCase()) continue;
      const params = Object.fromEntries(names.map((name, i) => [name, decodeSegment(found[i + 1] ?? '')]));
      return { kind: 'found', route, params };
    }
    return pathExists ? { kind: 'method_not_allowed' } : { kind: 'not_found' };
  }
}
