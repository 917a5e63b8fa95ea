import { ChoiceMenu, type MenuChoice } from '../../ui/ChoiceMenu';

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

/** A "New …" button and its menu: blank, or one of the presets. */
export function PresetMenu({
  label,
  blank,
  presets,
  onChoose,
  buttonTestId,
  itemTestIdPrefix,
  disabled = false,
}: PresetMenuProps) {
  const choices: MenuChoice<number | null>[] = [
    { key: null, title: blank.title, description: blank.description, testId: `${itemTestIdPrefix}blank` },
    ...presets.map((preset, index) => ({
      key: index,
      title: preset.title,
      description: preset.description,
      testId: `${itemTestIdPrefix}${index}`,
    })),
  ];
  return (
    <ChoiceMenu
      label={label}
      title={label}
      choices={choices}
      onChoose={onChoose}
      buttonClassName="button button-small composer-menu-button"
      buttonTestId={buttonTestId}
      menuClassName="composer-menu"
      disabled={disabled}
    />
  );
}
