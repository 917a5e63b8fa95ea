import { Plus } from 'lucide-react';
import { useId, useRef } from 'react';
import { PRESETS, type PresetId } from '../../../shared/presets';
import './preset-menu.css';

interface AddRuleMenuProps {
  onCreate: (preset: PresetId) => void;
  disabled?: boolean;
}

/**
 * "Add rule" and its menu of presets. The native popover gives the menu light
 * dismiss (a click outside or Escape closes it) without any script here.
 */
export function AddRuleMenu({ onCreate, disabled = false }: AddRuleMenuProps) {
  const baseId = useId();
  const menuId = `${baseId}-presets`;
  const titleId = `${baseId}-title`;
  const menuRef = useRef<HTMLDivElement>(null);

  const choose = (preset: PresetId) => {
    menuRef.current?.hidePopover();
    onCreate(preset);
  };

  return (
    <>
      <button
        type="button"
        className="button button-primary add-rule-button"
        popoverTarget={menuId}
        disabled={disabled}
        data-testid="add-rule"
      >
        <Plus size={14} aria-hidden />
        Add rule
      </button>
      <div ref={menuRef} id={menuId} popover="auto" className="preset-menu">
        <p id={titleId} className="preset-menu-title">
          Start from a preset
        </p>
        <ul className="preset-list" aria-labelledby={titleId}>
          {PRESETS.map((preset) => (
            <li key={preset.id}>
              <button
                type="button"
                className="preset-item"
                onClick={() => choose(preset.id)}
                data-testid={`preset-${preset.id}`}
              >
                <span className="preset-title">{preset.title}</span>
                <span className="preset-description">{preset.description}</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
    </>
  );
}
