import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export type NumbersTab = 'numbers' | 'activity';

const TABS: { tab: NumbersTab; label: string }[] = [
  { tab: 'numbers', label: 'Numbers' },
  { tab: 'activity', label: 'Activity' },
];

/** Numbers | Activity, as ARIA tabs: one Tab stop, arrow keys move between them. */
export function ScreenTabs({
  tab,
  onChange,
  children,
}: {
  tab: NumbersTab;
  onChange: (tab: NumbersTab) => void;
  children: ReactNode;
}) {
  const id = useId();
  const tabRefs = useRef(new Map<NumbersTab, HTMLButtonElement>());

  const onKeyDown = (event: KeyboardEvent) => {
    const index = TABS.findIndex((entry) => entry.tab === tab);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    const target =
      event.key === 'Home'
        ? TABS[0]
        : event.key === 'End'
          ? TABS[TABS.length - 1]
          : step
            ? TABS[(index + step + TABS.length) % TABS.length]
            : undefined;
    if (!target) return;
    event.preventDefault();
    onChange(target.tab);
    tabRefs.current.get(target.tab)?.focus();
  };

  return (
    <div className="numbers-tabs">
      <div role="tablist" aria-label="Phone numbers views" className="tablist" onKeyDown={onKeyDown}>
        {TABS.map((entry) => (
          <button
            key={entry.tab}
            ref={(element) => {
              if (element) tabRefs.current.set(entry.tab, element);
            }}
            type="button"
            role="tab"
            id={`${id}-${entry.tab}`}
            aria-selected={entry.tab === tab}
            aria-controls={`${id}-panel`}
            tabIndex={entry.tab === tab ? 0 : -1}
            className="tab"
            onClick={() => onChange(entry.tab)}
          >
            {entry.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${tab}`} className="tabpanel">
        {children}
      </div>
    </div>
  );
}
