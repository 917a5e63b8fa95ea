/** The report: rows of figures, each with its ratio and goal, printed as one Markdown table. */

export class Report {
  rows = [];

  /** A measured figure. `goal` is `{ text, met }` or undefined; goals are informational only. */
  add(step, figure, value, { ratio = '', goal } = {}) {
    this.rows.push({
      step,
      figure,
      value,
      ratio,
      goal: goal ? `${goal.met ? '✓' : '✗'} ${goal.text}` : '',
    });
  }

  /** A step or figure that could not be measured, as one plain line instead of a crash. */
  fail(step, figure, reason) {
    this.rows.push({ step, figure, value: reason, ratio: '', goal: '', failed: true });
  }

  markdown() {
    const head = ['Step', 'Figure', 'Measured', 'Ratio', 'Goal (informational)'];
    const cell = (text) => String(text).replaceAll('|', '\\|').replaceAll('\n', ' ');
    const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
    for (const row of this.rows) {
      lines.push(`| ${[row.step, row.figure, row.value, row.ratio, row.goal].map(cell).join(' | ')} |`);
    }
    return lines.join('\n');
  }
}

export const fmt = {
  int: (n) => Math.round(n).toLocaleString('en-US'),
  ms: (n) =>
    n === null || n === undefined || Number.isNaN(n) ? 'n/a' : `${n < 10 ? n.toFixed(2) : n.toFixed(0)} ms`,
  ratio: (n) => (Number.isFinite(n) ? `${n.toFixed(2)}×` : 'n/a'),
  bytes: (n) => {
    if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(2)} GiB`;
    if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
    if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
    return `${Math.round(n)} B`;
  },
};

/** The value at quantile q (0..1) of a list of numbers (nearest rank). */
export function quantile(values, q) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank];
}

export const median = (values) => quantile(values, 0.5);
