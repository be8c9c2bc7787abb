/**
 * After moving between the Agents screen's views (list, agent, editor), the
 * control that was pressed is gone: focus the new view's heading, as a page
 * change would, once it has rendered.
 */
export function focusScreenTitle(): void {
  requestAnimationFrame(() => document.getElementById('screen-title')?.focus());
}
