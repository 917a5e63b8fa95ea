import { PRESETS, type PresetId } from '../../../shared/presets';
import { ChoiceMenu, type MenuChoice } from '../../ui/ChoiceMenu';
import './preset-menu.css';

interface AddRuleMenuProps {
  onCreate: (preset: PresetId) => void;
  disabled?: boolean;
}

const CHOICES: readonly MenuChoice<PresetId>[] = PRESETS.map((preset) => ({
  key: preset.id,
  title: preset.title,
  description: preset.description,
  testId: `preset-${preset.id}`,
}));

/** "Add rule" and its menu of presets. */
export function AddRuleMenu({ onCreate, disabled = false }: AddRuleMenuProps) {
  return (
    <ChoiceMenu
      label="Add rule"
      title="Start from a preset"
      choices={CHOICES}
      onChoose={onCreate}
      buttonClassName="button button-primary add-rule-button"
      buttonTestId="add-rule"
      menuClassName="preset-menu"
      disabled={disabled}
    />
  );
}
