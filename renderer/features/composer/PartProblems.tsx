import type { RequestPart, RequestPreview } from '../../../shared/composer';
import { useComposer } from '../../state/StoresContext';
import type { EditorProblem } from '../../ui/editor/diagnostics';
import { ProblemList } from '../../ui/editor/ProblemList';
import { otherProblems, visibleLint } from './composerFormat';

interface PartProblemsProps {
  preview: RequestPreview | null;
  parts: readonly RequestPart[];
  /** What the problems are about, for the accessible name: "URL problems". */
  label: string;
  testId?: string;
  /** Also list the lint (off where the preview pane already lists it). */
  withLint?: boolean;
}

/** The preview's problems and lint for one part of the request, listed under its field. */
export function PartProblems({ preview, parts, label, testId, withLint = true }: PartProblemsProps) {
  const missing = useComposer((s) => s.missing);
  if (!preview) return null;
  const named = (message: string, header?: string) => (header ? `${header}: ${message}` : message);
  const items: EditorProblem[] = [
    ...otherProblems(preview.problems)
      .filter((problem) => parts.includes(problem.part))
      .map((problem) => ({ ...problem, message: named(problem.message, problem.header) })),
    ...(withLint ? visibleLint(preview.lint, missing).filter((finding) => parts.includes(finding.part)) : []),
  ];
  return <ProblemList problems={items} label={label} testId={testId} />;
}
