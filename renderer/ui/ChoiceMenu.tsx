import { Plus } from 'lucide-react';
import { useId, useRef } from 'react';

export interface MenuChoice<K> {
  /** What `onChoose` is given for this choice. */
  key: K;
  title: string;
  /** One line under the title, saying what the choice gives. */
  description: string;
  testId: string;
}

interface ChoiceMenuProps<K> {
  /** The button's words, after a plus sign: "New request", "Add rule". */
  label: string;
  /** The menu's heading. */
  title: string;
  choices: readonly MenuChoice<K>[];
  onChoose: (key: K) => void;
  buttonClassName: string;
  buttonTestId: string;
  /** The screen's own class for the menu, for its width and where it opens. */
  menuClassName: string;
  disabled?: boolean;
}

/**
 * A "New …" button and its menu of choices, each with a line of description. The native popover
 * gives light dismiss (a click outside or Escape closes it) without any script here.
 */
export function ChoiceMenu<K>({
  label,
  title,
  choices,
  onChoose,
  buttonClassName,
  buttonTestId,
  menuClassName,
  disabled = false,
}: ChoiceMenuProps<K>) {
  const baseId = useId();
  const menuId = `${baseId}-menu`;
  const titleId = `${baseId}-title`;
  const menuRef = useRef<HTMLDivElement>(null);

  const choose = (key: K) => {
    menuRef.current?.hidePopover();
    onChoose(key);
  };

  return (
    <>
      <button
        type="button"
        className={buttonClassName}
        popoverTarget={menuId}
        disabled={disabled}
        data-testid={buttonTestId}
      >
        <Plus size={14} aria-hidden />
        {label}
      </button>
      <div ref={menuRef} id={menuId} popover="auto" className={`choice-menu ${menuClassName}`}>
        <p id={titleId} className="choice-menu-title">
          {title}
        </p>
        <ul className="choice-menu-list" aria-labelledby={titleId}>
          {choices.map((choice) => (
            <li key={choice.testId}>
              <button
                type="button"
                className="choice-menu-item"
                onClick={() => choose(choice.key)}
                data-testid={choice.testId}
              >
                <span className="choice-menu-item-title">{choice.title}</span>
                <span className="choice-menu-item-text">{choice.description}</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
    </>
  );
}
