import type { KeyboardEvent } from 'react';

export interface TabItem<T extends string> {
  id: T;
  label: string;
  /** Accessible name when it says more than the label (the capture's body tab is "Request body"). */
  name?: string;
  /** Shown after the label when above zero. */
  count?: number;
  testId?: string;
}

interface TabsProps<T extends string> {
  /** Prefix for element ids, so tabs and panels can reference each other. */
  idBase: string;
  label: string;
  items: readonly TabItem<T>[];
  value: T;
  onChange: (value: T) => void;
}

export function tabId(idBase: string, id: string): string {
  return `${idBase}-tab-${id}`;
}

export function tabPanelId(idBase: string, id: string): string {
  return `${idBase}-panel-${id}`;
}

/** A WAI-ARIA tab list with roving focus: arrows, Home and End move between tabs. */
export function Tabs<T extends string>({ idBase, label, items, value, onChange }: TabsProps<T>) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = items.findIndex((item) => item.id === value);
    let next = index;
    if (event.key === 'ArrowRight') next = (index + 1) % items.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + items.length) % items.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    else return;
    event.preventDefault();
    const target = items[next];
    if (!target) return;
    onChange(target.id);
    document.getElementById(tabId(idBase, target.id))?.focus();
  };

  return (
    <div className="tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {items.map((item) => {
        const selected = item.id === value;
        return (
          <button
            key={item.id}
            type="button"
            role="tab"
            id={tabId(idBase, item.id)}
            className="tab"
            aria-label={item.name}
            aria-selected={selected}
            aria-controls={tabPanelId(idBase, item.id)}
            tabIndex={selected ? 0 : -1}
            data-testid={item.testId}
            onClick={() => onChange(item.id)}
          >
            {item.label}
            {item.count !== undefined && item.count > 0 && (
              <span className="count tab-count">{item.count}</span>
            )}
          </button>
        );
      })}
    </div>
  );
}
