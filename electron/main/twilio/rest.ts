/**
 * Twilio's REST API as JSON, through the SDK's authenticated client (so the
 * request client's host check, host mapping, timeouts and retry rules apply)
 * but without the SDK's resource classes. Used for lists the app reads in
 * bulk: the SDK builds a forty-property object per number, which was a third
 * of a 10,000-number sync's CPU time, and the app needs a dozen fields.
 *
 * A failure status throws the SDK's RestException, so errors map the same
 * way as from any SDK call. Bodies come back unchecked: callers parse them.
 */
import twilio, { type Twilio } from 'twilio';

export const TWILIO_API_ORIGIN = 'https://api.twilio.com';

export type FormValue = string | boolean;

export interface TwilioRest {
  /**
   * `path` is absolute on api.twilio.com, as in Twilio's `next_page_uri`, or
   * a full URL on another Twilio host (the v1 APIs' `next_page_url`).
   */
  get(path: string, query?: Record<string, string>): Promise<unknown>;
  post(path: string, form: Record<string, FormValue>): Promise<unknown>;
  delete(path: string): Promise<void>;
}

interface RawResponse {
  statusCode: number;
  body: unknown;
}

const cancelled = () => new DOMException('The operation was aborted', 'AbortError');

/**
 * Pages through a list, handing each page's items to `onPage` while the next
 * page is already being fetched. `parsePage` checks a page body and says
 * where its items and the next page are: a 2010-04-01 `next_page_uri` or a
 * v1 `meta.next_page_url`.
 */
export async function eachPage<Item>(
  rest: TwilioRest,
  first: { path: string; query: Record<string, string> },
  parsePage: (body: unknown) => { items: Item[]; nextPageUri: string | null },
  onPage: (items: Item[]) => void | Promise<void>,
  signal: AbortSignal,
): Promise<void> {
  type Page = ReturnType<typeof parsePage>;
  const fetchPage = (path: string, query?: Record<string, string>): Promise<Page> =>
    rest.get(path, query).then(parsePage);
  let page: Page | undefined = await fetchPage(first.path, first.query);
  while (page) {
    if (signal.aborted) throw cancelled();
    // Twilio's next_page_uri carries the query already.
    const next: Promise<Page> | undefined = page.nextPageUri ? fetchPage(page.nextPageUri) : undefined;
    // A failed prefetch is reported when awaited below, not as an unhandled rejection meanwhile.
    next?.catch(() => undefined);
    await onPage(page.items);
    page = await next;
  }
  if (signal.aborted) throw cancelled();
}

/**
 * The URL a path or URL stands for. A full URL (a link from a response) is
 * passed on as it is: the request client refuses any that is not on a Twilio
 * host, for these requests and the SDK's own alike.
 */
function twilioUrl(pathOrUrl: string): string {
  return pathOrUrl.startsWith('/') ? `${TWILIO_API_ORIGIN}${pathOrUrl}` : pathOrUrl;
}

export function createTwilioRest(client: Twilio): TwilioRest {
  async function send(method: 'get' | 'post' | 'delete', path: string, options: object): Promise<unknown> {
    const response = (await client.request({ method, uri: twilioUrl(path), ...options })) as RawResponse;
    if (response.statusCode >= 400) throw new twilio.RestException(response);
    return typeof response.body === 'string' && response.body !== '' ? JSON.parse(response.body) : response.body;
  }

  return {
    get: (path, query) => send('get', path, query ? { params: query } : {}),
    post: (path, form) => send('post', path, { data: form }),
    async delete(path) {
      await send('delete', path, {});
    },
  };
}
