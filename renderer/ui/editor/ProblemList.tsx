import { CircleAlert, Info, TriangleAlert } from 'lucide-react';
import { describeProblem, type EditorProblem } from './diagnostics';

interface ProblemListProps {
  problems: readonly EditorProblem[];
  testId?: string;
  /** What the problems are about, for the accessible name: "Template problems". */
  label: string;
}

const ICONS = { error: CircleAlert, warning: TriangleAlert, info: Info } as const;

/** The editor's problems as text too: underlines alone are easy to miss and not read out. */
export function ProblemList({ problems, testId, label }: ProblemListProps) {
  if (problems.length === 0) return null;
  return (
    <ul className="problem-list" data-testid={testId} aria-label={label} aria-live="polite">
      {problems.map((problem, index) => {
        const Icon = ICONS[problem.severity];
        return (
          // Problems have no identity beyond their position in one check's answer.
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole on every check
          <li key={index} className={`problem problem-${problem.severity}`}>
            <Icon size={13} aria-hidden className="problem-icon" />
            <span className="visually-hidden">{problem.severity}: </span>
            <span>{describeProblem(problem)}</span>
          </li>
        );
      })}
    </ul>
  );
}
