import { Monitor, Moon, Sun } from 'lucide-react';
import { useId, useState } from 'react';
import type { Settings } from '../../../shared/domain';
import { describeError } from '../../client';
import { useSettings } from '../../state/StoresContext';

type Theme = Settings['theme'];

const THEMES: readonly { value: Theme; label: string; Icon: typeof Sun }[] = [
  { value: 'system', label: 'System', Icon: Monitor },
  { value: 'light', label: 'Light', Icon: Sun },
  { value: 'dark', label: 'Dark', Icon: Moon },
];

/** Applies on click: a theme is cheap to change back, so it needs no Save step. */
export function ThemePicker({ theme }: { theme: Theme }) {
  const update = useSettings((s) => s.update);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();

  const choose = (value: Theme) => {
    if (value === theme) return;
    setError(null);
    update({ theme: value }).catch((cause: unknown) =>
      setError(describeError(cause, 'Could not change the theme.')),
    );
  };

  return (
    <section className="settings-card" aria-labelledby={titleId}>
      <h2 id={titleId} className="settings-card-title">
        Theme
      </h2>
      <div className="segmented" role="radiogroup" aria-labelledby={titleId}>
        {THEMES.map(({ value, label, Icon }) => (
          <label key={value} className={value === theme ? 'segment segment-active' : 'segment'}>
            <input
              type="radio"
              name="theme"
              value={value}
              checked={value === theme}
              onChange={() => choose(value)}
              className="visually-hidden"
              data-testid={`theme-${value}`}
            />
            <Icon size={14} aria-hidden />
            {label}
          </label>
        ))}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
