import { Plus } from 'lucide-react';
import { useId, useRef } from 'react';

export interface PresetChoice {
  title: string;
  description: string;
}

interface PresetMenuProps {
  /** The button's text: "New request". */
  label: string;
  /** The blank choice, listed first. */
  blank: PresetChoice;
  presets: readonly PresetChoice[];
  /** null: the blank choice; otherwise the preset's index. */
  onChoose: (index: number | null) => void;
  buttonTestId: string;
  /** Each preset's test id is this prefix and its index. */
  itemTestIdPrefix: string;
  disabled?: boolean;
}

/**
 * A "New …" button and its menu: blank, or one of the presets. The native popover gives
 * light dismiss (a click outside or Escape closes it) without any script here.
 */
export function PresetMenu({
  label,
  blank,
  presets,
  onChoose,
  buttonTestId,
  itemTestIdPrefix,
  disabled = false,
}: PresetMenuProps) {
  const baseId = useId();
  const menuId = `${baseId}-menu`;
  const titleId = `${baseId}-title`;
  const menuRef = useRef<HTMLDivElement>(null);

  const choose = (index: number | null) => {
    menuRef.current?.hidePopover();
    onChoose(index);
  };

  const item = (choice: PresetChoice, index: number | null, testId: string) => (
    <li key={testId}>
      <button type="button" className="composer-menu-item" onClick={() => choose(index)} data-testid={testId}>
        <span className="composer-menu-item-title">{choice.title}</span>
        <span className="composer-menu-item-text">{choice.description}</span>
      </button>
    </li>
  );

  return (
    <>
      <button
        type="button"
        className="button button-small composer-menu-button"
        popoverTarget={menuId}
        disabled={disabled}
        data-testid={buttonTestId}
      >
        <Plus size={14} aria-hidden />
        {label}
      </button>
      <div ref={menuRef} id={menuId} popover="auto" className="composer-menu">
        <p id={titleId} className="composer-menu-title">
          {label}
        </p>
        <ul className="composer-menu-list" aria-labelledby={titleId}>
          {item(blank, null, `${itemTestIdPrefix}blank`)}
          {presets.map((preset, index) => item(preset, index, `${itemTestIdPrefix}${index}`))}
        </ul>
      </div>
    </>
  );
}
