import { type BodyViewId, VIEW_LABELS } from '../../../lib/bodyViews';

interface ViewPickerProps {
  views: readonly BodyViewId[];
  value: BodyViewId;
  onChange: (view: BodyViewId) => void;
}

/** The views that suit this body, the best one first; any can be forced. */
export function ViewPicker({ views, value, onChange }: ViewPickerProps) {
  return (
    <div className="view-picker" data-testid="body-view-picker" role="toolbar" aria-label="Show the body as">
      {views.map((view) => (
        <button
          key={view}
          type="button"
          className="view-choice"
          aria-pressed={view === value}
          data-testid={`view-${view}`}
          onClick={() => onChange(view)}
        >
          {VIEW_LABELS[view]}
        </button>
      ))}
    </div>
  );
}
