import { Inbox, type LucideIcon, Reply, Settings, Webhook } from 'lucide-react';

export type Section = 'captures' | 'responders' | 'settings';

const SECTIONS: readonly { id: Section; label: string; Icon: LucideIcon }[] = [
  { id: 'captures', label: 'Captures', Icon: Inbox },
  { id: 'responders', label: 'Responders', Icon: Reply },
  { id: 'settings', label: 'Settings', Icon: Settings },
];

interface SidebarProps {
  section: Section;
  onSelect: (section: Section) => void;
}

export function Sidebar({ section, onSelect }: SidebarProps) {
  return (
    <nav className="sidebar" aria-label="Sections">
      <div className="sidebar-brand" title="Hookbench">
        <Webhook size={22} aria-hidden />
        <span className="visually-hidden">Hookbench</span>
      </div>
      <ul className="sidebar-list">
        {SECTIONS.map(({ id, label, Icon }) => (
          <li key={id}>
            <button
              type="button"
              className="sidebar-button"
              aria-current={section === id ? 'page' : undefined}
              data-testid={`nav-${id}`}
              onClick={() => onSelect(id)}
            >
              <Icon size={20} aria-hidden />
              <span className="sidebar-label">{label}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
