/**
 * A Diagnosis in plain words, as the CLI prints it (and as support staff can paste it to an
 * integrator). The excerpt and caret are indented alike, so the caret stays aligned.
 */
import type { Cause, Diagnosis, Finding } from './types';

function position(advice: Cause | Finding): string {
  return advice.line === undefined ? '' : ` (line ${advice.line}, column ${advice.column})`;
}

function adviceBlock(label: string, advice: Cause | Finding): string[] {
  return [`${label}${advice.title}${position(advice)}`, `   ${advice.explanation}`, `   Fix: ${advice.fix}`];
}

function warningLines(warnings: Finding[]): string[] {
  return warnings.flatMap((w) => ['', ...adviceBlock('warning: ', w)]);
}

/** The human-readable report; the first line alone says valid / invalid / not JSON. */
export function formatDiagnosis(diagnosis: Diagnosis): string {
  if (diagnosis.valid && diagnosis.kind === 'not-json') {
    return [`not JSON: ${diagnosis.reason}`, ...warningLines(diagnosis.warnings)].join('\n');
  }
  if (diagnosis.valid) {
    const what =
      diagnosis.documents === 1
        ? diagnosis.topLevel
        : `${diagnosis.documents} documents, the first one ${diagnosis.topLevel === 'array' || diagnosis.topLevel === 'object' ? 'an' : 'a'} ${diagnosis.topLevel}`;
    return [`valid JSON (${what})`, ...warningLines(diagnosis.warnings)].join('\n');
  }
  const { error, causes } = diagnosis;
  const lines = [
    `invalid JSON at line ${error.line}, column ${error.column} (byte ${error.offset}): ${error.message}`,
    '',
    `    ${error.excerpt}`,
    `    ${error.caret}`,
  ];
  causes.forEach((cause, index) => {
    lines.push('', ...adviceBlock(`${index + 1}. `, cause));
  });
  lines.push(...warningLines(diagnosis.warnings));
  return lines.join('\n');
}
