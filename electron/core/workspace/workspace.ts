import { randomUUID } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type Conf from 'conf';
import { DEFAULT_FALLBACK, starterRules } from '../../../shared/presets';
import type { FallbackResponse, Rule, RuleSet } from '../../../shared/rules';
import { CoreError } from '../errors';
import { parseFallback, parseRule } from '../rules/validate-rule';
import { setAsideDamagedJson } from '../settings/damaged-files';
import { confBackend } from '../settings/settings-service';
import type { SettingsBackendFactory } from '../types';

// A type alias so it satisfies conf's record constraint.
type WorkspaceFile = {
  rules: Rule[];
  fallback: FallbackResponse;
};

export const WORKSPACE_FILE_NAME = 'workspace';
export const RULES_EXPORT_FORMAT = 'hookbench-rules';

export function newRuleId(): string {
  return `rule-${randomUUID().slice(0, 8)}`;
}

/**
 * The user's workspace file (rules and the fallback answer) in the data
 * folder, through the same conf/electron-store backend as the settings. A new
 * data folder starts with the starter rules so something answers at once.
 */
export class Workspace {
  private readonly backend: Conf<WorkspaceFile>;
  private current: RuleSet;

  constructor(
    dataDir: string,
    factory: SettingsBackendFactory = confBackend,
    warn: (message: string) => void = () => {},
  ) {
    // A file that is not JSON would make conf throw (and a later save overwrite it): move it aside first.
    setAsideDamagedJson(join(dataDir, `${WORKSPACE_FILE_NAME}.json`), 'workspace (rules)', warn);
    this.backend = factory<WorkspaceFile>({
      cwd: dataDir,
      configName: WORKSPACE_FILE_NAME,
      clearInvalidConfig: false,
    });
    const stored = this.backend.store as Partial<WorkspaceFile>;
    if (stored.rules === undefined) {
      this.current = { rules: starterRules(newRuleId), fallback: DEFAULT_FALLBACK };
      this.save();
      return;
    }
    const { rules, unreadable, duplicates } = readRules(stored.rules);
    this.current = { rules, fallback: readFallback(stored.fallback) };
    if (unreadable || duplicates.length > 0) {
      // Keep what was left out before the next save rewrites the file without it.
      const copy = join(dataDir, `${WORKSPACE_FILE_NAME}.unreadable-${Date.now()}.json`);
      copyFileSync(this.backend.path, copy);
      const path = this.backend.path;
      const kept = `the file as it was is kept in ${copy}.`;
      if (unreadable) warn(`Some rules in ${path} could not be read and were left out; ${kept}`);
      for (const { id, first, later } of duplicates)
        warn(
          `Rule ${later} in ${path} has the same id "${id}" as rule ${first} and was left out (rules are told apart by their id, so the first is kept); ${kept}`,
        );
    }
  }

  get ruleSet(): RuleSet {
    return this.current;
  }

  /** Adds a rule, or replaces the one with the same id in place. */
  saveRule(input: unknown): Rule {
    const rule = parseRule(input);
    const rules = [...this.current.rules];
    const at = rules.findIndex((r) => r.id === rule.id);
    if (at === -1) rules.push(rule);
    else rules[at] = rule;
    this.current = { ...this.current, rules };
    this.save();
    return rule;
  }

  deleteRule(id: string): void {
    const rules = this.current.rules.filter((rule) => rule.id !== id);
    if (rules.length === this.current.rules.length)
      throw new CoreError('not_found', `There is no rule with id "${id}".`);
    this.current = { ...this.current, rules };
    this.save();
  }

  /** Puts the rules in the given order; every existing id must be listed once. */
  reorder(ids: readonly string[]): void {
    const byId = new Map(this.current.rules.map((rule) => [rule.id, rule]));
    if (ids.length !== byId.size || new Set(ids).size !== ids.length || ids.some((id) => !byId.has(id))) {
      throw new CoreError('bad_request', 'The new order must list every rule exactly once.');
    }
    this.current = { ...this.current, rules: ids.map((id) => byId.get(id) as Rule) };
    this.save();
  }

  setFallback(input: unknown): FallbackResponse {
    const fallback = parseFallback(input);
    this.current = { ...this.current, fallback };
    this.save();
    return fallback;
  }

  /** The rule set as one JSON document, for a file the user keeps or shares. */
  exportRules(): string {
    return JSON.stringify({ format: RULES_EXPORT_FORMAT, version: 1, ...this.current }, null, 2);
  }

  /** Reads an exported rule set; `replace` swaps the rules, otherwise they are appended with fresh ids. */
  importRules(text: string, replace: boolean): RuleSet {
    const file = readRulesFile(text);
    const imported = replace ? file.rules : file.rules.map((rule) => ({ ...rule, id: newRuleId() }));
    this.current = {
      rules: replace ? imported : [...this.current.rules, ...imported],
      fallback: replace && file.fallback !== undefined ? file.fallback : this.current.fallback,
    };
    this.save();
    return this.current;
  }

  private save(): void {
    this.backend.store = { rules: this.current.rules, fallback: this.current.fallback };
  }
}

/** A rule whose id an earlier rule already has (positions count from 1). */
interface DuplicateId {
  id: string;
  first: number;
  later: number;
}

/**
 * Rules are told apart by id (saving, deleting, reordering, hit counts): two rules with one id
 * would be moved, deleted and counted together, and an order listing both could never be saved.
 */
function repeatedIds(rules: readonly { rule: Rule; position: number }[]): DuplicateId[] {
  const firsts = new Map<string, number>();
  const repeated: DuplicateId[] = [];
  for (const { rule, position } of rules) {
    const first = firsts.get(rule.id);
    if (first === undefined) firsts.set(rule.id, position);
    else repeated.push({ id: rule.id, first, later: position });
  }
  return repeated;
}

/**
 * A hand-edited file with one bad rule keeps the others; the bad one is dropped, not the workspace.
 * So is a later rule with an id already seen (a pasted copy): the first is kept.
 */
function readRules(value: unknown): { rules: Rule[]; unreadable: boolean; duplicates: DuplicateId[] } {
  if (!Array.isArray(value)) return { rules: [], unreadable: true, duplicates: [] };
  const readable: { rule: Rule; position: number }[] = [];
  value.forEach((item, index) => {
    try {
      readable.push({ rule: parseRule(item), position: index + 1 });
    } catch {
      // Skipped: a rule the current version cannot read.
    }
  });
  const duplicates = repeatedIds(readable);
  const later = new Set(duplicates.map((duplicate) => duplicate.later));
  return {
    rules: readable.filter(({ position }) => !later.has(position)).map(({ rule }) => rule),
    unreadable: readable.length < value.length,
    duplicates,
  };
}

function readFallback(value: unknown): FallbackResponse {
  try {
    return parseFallback(value);
  } catch {
    return DEFAULT_FALLBACK;
  }
}

/** An exported rule set, checked whole (every rule, and the fallback if the file has one); throws in words. */
export function readRulesFile(text: string): { rules: Rule[]; fallback: FallbackResponse | undefined } {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new CoreError('bad_request', `The rules file is not valid JSON: ${(error as Error).message}`);
  }
  if (
    typeof document !== 'object' ||
    document === null ||
    (document as { format?: unknown }).format !== RULES_EXPORT_FORMAT
  ) {
    throw new CoreError(
      'bad_request',
      `This is not a Hookbench rules file (expected "format": "${RULES_EXPORT_FORMAT}").`,
    );
  }
  const { rules, fallback } = document as { rules?: unknown; fallback?: unknown };
  if (!Array.isArray(rules)) throw new CoreError('bad_request', 'The rules file has no "rules" list.');
  const parsed = rules.map((rule, i) => {
    try {
      return parseRule(rule);
    } catch (error) {
      throw new CoreError('bad_request', `Rule ${i + 1} of the file: ${(error as Error).message}`);
    }
  });
  const [repeated] = repeatedIds(parsed.map((rule, i) => ({ rule, position: i + 1 })));
  if (repeated)
    throw new CoreError(
      'bad_request',
      `Rules ${repeated.first} and ${repeated.later} of the file have the same id "${repeated.id}"; give one of them another id.`,
    );
  return { rules: parsed, fallback: fallback === undefined ? undefined : parseFallback(fallback) };
}
