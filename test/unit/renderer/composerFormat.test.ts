import { describe, expect, it } from 'vitest';
import {
  bodyEditorProblems,
  dataTextProblem,
  groupByCollection,
  jsonErrorPlace,
  sendBlockReason,
  timingBars,
  visibleLint,
} from '../../../renderer/features/composer/composerFormat';
import {
  blankDraft,
  dataSourceOf,
  envFromRows,
  sameRequest,
} from '../../../renderer/features/composer/drafts';
import { dataPaths } from '../../../renderer/features/composer/templateSupport';
import { bodyText } from '../../../renderer/lib/bodyText';
import type { LintFinding, RequestPreview } from '../../../shared/composer';

const lint = (rule: LintFinding['rule'], severity: LintFinding['severity'], line = 1): LintFinding => ({
  rule,
  severity,
  message: rule,
  part: 'body',
  line,
  column: 5,
});

function preview(overrides: Partial<RequestPreview> = {}): RequestPreview {
  return {
    method: 'POST',
    url: 'http://127.0.0.1:7700/hook',
    headers: [['Content-Type', 'application/json']],
    body: '{}',
    bodyBytes: 2,
    query: null,
    problems: [],
    diagnosis: null,
    jsonError: null,
    lint: [],
    sendable: true,
    ...overrides,
  };
}

describe('composer format', () => {
  it('groups requests under their collections, in the core order', () => {
    const a = { ...blankDraft(), id: 'a', collection: 'Examples' };
    const b = { ...blankDraft(), id: 'b', collection: 'Mine' };
    const c = { ...blankDraft(), id: 'c', collection: 'Examples' };
    const groups = groupByCollection([a, b, c], ['Examples', 'Mine', 'Empty']);
    expect(groups.map((g) => [g.collection, g.requests.map((r) => r.id)])).toEqual([
      ['Examples', ['a', 'c']],
      ['Mine', ['b']],
    ]);
  });

  it('places a JSON error in the template, or in the rendered body when it cannot be mapped', () => {
    const error = {
      message: 'x',
      outputLine: 2,
      outputColumn: 29,
      line: 3,
      column: 18,
      path: 'state.level_name',
    };
    expect(jsonErrorPlace(error)).toBe('line 3, column 18 in the template (state.level_name)');
    expect(jsonErrorPlace({ ...error, line: null, column: null })).toBe(
      'line 2, column 29 of the rendered body',
    );
  });

  it('reads the position out of the core’s bad-data message', () => {
    expect(
      dataTextProblem("The event is not valid JSON: line 3, column 1: Expected a property name, found '}'."),
    ).toEqual({ target: 'event', line: 3, column: 1, message: "Expected a property name, found '}'" });
    expect(dataTextProblem('Something else.')).toBeNull();
  });

  it('hides missing-data findings when rendering empty like the platform, errors first', () => {
    const findings = [
      lint('number-as-string', 'info'),
      lint('missing-variable', 'warning'),
      lint('raw-mode-break', 'error'),
    ];
    expect(visibleLint(findings, 'flag').map((f) => f.rule)).toEqual([
      'raw-mode-break',
      'missing-variable',
      'number-as-string',
    ]);
    expect(visibleLint(findings, 'empty').map((f) => f.rule)).toEqual(['raw-mode-break', 'number-as-string']);
  });

  it('underlines body findings and the mapped JSON error, not the other parts', () => {
    const items = bodyEditorProblems(
      preview({
        lint: [lint('raw-mode-break', 'error', 2), { ...lint('missing-variable', 'warning'), part: 'url' }],
        jsonError: { message: 'bad', outputLine: 2, outputColumn: 29, line: 2, column: 13 },
      }),
      'flag',
    );
    expect(items.map((i) => [i.line, i.column, i.severity])).toEqual([
      [2, 5, 'error'],
      [2, 13, 'error'],
    ]);
  });

  it('says why Send is off', () => {
    expect(sendBlockReason(null)).toBe('Waiting for the preview.');
    expect(sendBlockReason(preview())).toBeNull();
    expect(sendBlockReason(preview(), 'The state is not valid JSON: line 1, column 2: x.')).toBe(
      'The state is not valid JSON: line 1, column 2: x.',
    );
    expect(
      sendBlockReason(
        preview({
          sendable: false,
          problems: [
            {
              kind: 'syntax',
              severity: 'error',
              message: 'The URL is empty.',
              line: 1,
              column: 1,
              part: 'url',
            },
          ],
        }),
      ),
    ).toBe('The URL is empty. (url, line 1, column 1)');
    // A GET whose body cannot become query parameters has no template error, only the lint's.
    expect(
      sendBlockReason(
        preview({
          sendable: false,
          lint: [
            {
              ...lint('get-body-not-object', 'error'),
              message:
                'A GET request carries its fields in the query string, but the body is not valid JSON.',
            },
          ],
        }),
      ),
    ).toBe('A GET request carries its fields in the query string, but the body is not valid JSON.');
  });

  it('lays the phases of a send on one axis, leaving out those that did not happen', () => {
    const bars = timingBars({
      dnsMs: null,
      connectMs: 2,
      tlsMs: null,
      firstByteMs: 7,
      totalMs: 9,
      reusedConnection: false,
    });
    expect(bars).toEqual([
      { label: 'Connect', fromMs: 0, toMs: 2 },
      { label: 'First byte', fromMs: 2, toMs: 7 },
      { label: 'Total', fromMs: 0, toMs: 9 },
    ]);
  });

  it('decodes UTF-8 bodies and describes the rest', () => {
    expect(bodyText(btoa('{"ok":true}'))).toEqual({ text: '{"ok":true}', isText: true, size: 11 });
    expect(bodyText(btoa('\xff\xfe'))).toMatchObject({ isText: false, size: 2 });
  });

  it('offers the data paths of the texts on screen for completion', () => {
    expect(dataPaths('state', '{"user": {"id": 1}, "bad key": 2, "list": [1]}')).toEqual([
      'state.user',
      'state.user.id',
      'state.list',
    ]);
    expect(dataPaths('event', '{ not json')).toEqual([]);
  });

  it('tells drafts apart by content, not key order, and picks the data source', () => {
    const draft = blankDraft();
    const reordered = Object.fromEntries(Object.entries(draft).reverse()) as typeof draft;
    expect(sameRequest(draft, reordered)).toBe(true);
    expect(sameRequest(draft, { ...draft, bodyMode: 'raw' })).toBe(false);
    expect(
      envFromRows([
        [' TOKEN ', 'x'],
        ['', 'y'],
      ]),
    ).toEqual({ TOKEN: 'x' });
    const data = { id: 'd', name: 'n', stateText: '{}', eventText: '{}', dirty: false };
    expect(dataSourceOf(data)).toEqual({ dataSetId: 'd' });
    expect(dataSourceOf({ ...data, id: null })).toBeNull();
    expect(dataSourceOf({ ...data, dirty: true })).toEqual({ stateText: '{}', eventText: '{}' });
  });
});
