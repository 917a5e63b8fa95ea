import type { KeyboardEvent } from 'react';
import { tabId, tabPanelId } from '../../ui/Tabs';

export type DetailTab = 'body' | 'headers' | 'query' | 'response' | 'findings' | 'timeline';

export interface DetailTabItem {
  id: DetailTab;
  label: string;
  /** Accessible name when it says more than the label (the body tab is "Request body"). */
  name?: string;
  count?: number;
  testId: string;
}

interface DetailTabsProps {
  idBase: string;
  items: readonly DetailTabItem[];
  value: DetailTab;
  onChange: (tab: DetailTab) => void;
}

/** The detail's tab list (ui/Tabs, plus counts and test ids): arrows, Home and End move between tabs. */
export function DetailTabs({ idBase, items, value, onChange }: DetailTabsProps) {
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
    <div className="tabs" role="tablist" aria-label="Capture" onKeyDown={onKeyDown}>
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
