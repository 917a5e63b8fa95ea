import { describe, expect, it } from 'vitest';
import { cause, causeIds, diagnoseBody, expectErrorAt, invalid } from './helpers';

describe('template-placeholder', () => {
  it('flags a placeholder sent unrendered outside quotes', () => {
    const result = invalid(
      '{\n\t"minigame_spins_count": {{event.minigame_spins_count}},\n\t"brand": "main"\n}',
    );
    expectErrorAt(result, { line: 2, column: 27, offset: 28, under: '{' });
    expect(causeIds(result)[0]).toBe('template-placeholder');
    const placeholder = cause(result, 'template-placeholder');
    expect(placeholder).toMatchObject({ offset: 27, line: 2, column: 26 });
    expect(placeholder.fix).toContain('`"{{event.minigame_spins_count}}"`');
  });

  it('flags the empty value a raw placeholder leaves before a comma', () => {
    const result = invalid(
      '{\n\t"saw_template_id": "12",\n\t"minigame_spins_count": ,\n\t"brand": "main"\n}',
    );
    expectErrorAt(result, { line: 3, column: 26, offset: 53, under: ',' });
    expect(result.error.message).toBe("Expected a value after ':', found ','");
    expect(causeIds(result)[0]).toBe('template-placeholder');
    expect(cause(result, 'template-placeholder').title).toBe(
      'A value is missing after `"minigame_spins_count":`',
    );
  });

  it('flags the empty value a raw placeholder leaves before a closing brace', () => {
    const result = invalid('{"brand": "main", "minigame_spins_count": }');
    expectErrorAt(result, { line: 1, column: 43, offset: 42, under: '}' });
    expect(causeIds(result)[0]).toBe('template-placeholder');
    expect(cause(result, 'template-placeholder').fix).toContain(
      '`"minigame_spins_count": "{{event.field}}"`',
    );
  });

  it('warns about a placeholder inside a string even though the JSON is valid', () => {
    const result = diagnoseBody('{\n\t"user_ext_id": "{{state.user_ext_id}}",\n\t"brand": "main"\n}');
    expect(result).toMatchObject({ valid: true, kind: 'json', topLevel: 'object' });
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({
      id: 'template-placeholder',
      title: 'A placeholder was not rendered',
      offset: 19,
      line: 2,
      column: 18,
    });
    expect(result.warnings[0]?.explanation).toContain('`{{state.user_ext_id}}`');
  });

  it('keeps placeholder warnings on an invalid body too', () => {
    const result = invalid('{"a": "{{state.x}}",}');
    expect(causeIds(result)[0]).toBe('trailing-comma');
    expect(result.warnings.map((w) => w.id)).toEqual(['template-placeholder']);
  });
});
