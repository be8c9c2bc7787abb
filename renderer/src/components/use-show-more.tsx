import { useState, type ReactNode } from 'react';

const PAGE = 100;

/**
 * Long lists outside the virtualized table show 100 items at a time with a
 * "Show more" button, so opening a dialog on 10,000 numbers stays instant.
 */
export function useShowMore<T>(items: readonly T[]): { shown: readonly T[]; showMore: ReactNode } {
  const [limit, setLimit] = useState(PAGE);
  const hidden = items.length - limit;
  return {
    shown: hidden > 0 ? items.slice(0, limit) : items,
    showMore:
      hidden > 0 ? (
        <button type="button" className="link-button" onClick={() => setLimit((current) => current + PAGE)}>
          Show more ({hidden.toLocaleString()} not shown)
        </button>
      ) : null,
  };
}
