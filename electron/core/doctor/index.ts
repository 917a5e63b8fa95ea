/**
 * The JSON doctor: tells exactly why a webhook body is not valid JSON, and how to fix it.
 * Pure functions over bytes — usable from the core, the CLI and a renderer worker.
 */
export { diagnose } from './diagnose';
export { formatDiagnosis } from './format';
export type {
  Cause,
  CauseId,
  DiagnoseInput,
  Diagnosis,
  Finding,
  FindingId,
  JsonErrorLocation,
  TopLevelType,
} from './types';
