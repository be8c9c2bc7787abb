import type { ReactNode } from 'react';
import './data-table.css';

/** A table in a frame that scrolls sideways when the window is narrower than the table. */
export function DataTable({ children }: { children: ReactNode }) {
  return (
    <div className="data-table-scroll">
      <table className="data-table">{children}</table>
    </div>
  );
}
