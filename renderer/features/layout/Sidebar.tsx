import { Inbox, type LucideIcon, Repeat2, Reply, Send, Settings, Webhook } from 'lucide-react';
import type { Section } from '../../state/navigationStore';

export type { Section };

const SECTIONS: readonly { id: Section; label: string; Icon: LucideIcon }[] = [
  { id: 'captures', label: 'Captures', Icon: Inbox },
  { id: 'responders', label: 'Responders', Icon: Reply },
  { id: 'composer', label: 'Composer', Icon: Send },
  { id: 'replay', label: 'Replay', Icon: Repeat2 },
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
