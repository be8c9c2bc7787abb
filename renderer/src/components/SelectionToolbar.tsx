import type { ReactNode } from 'react';
import './selection-toolbar.css';

/** The bar above a list of numbers with what can be done to the ticked ones at once. */
export function SelectionToolbar({ children }: { children: ReactNode }) {
  return (
    <div className="bulk-toolbar" role="group" aria-label="Selected numbers">
      {children}
    </div>
  );
}
