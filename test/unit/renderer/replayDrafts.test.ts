import { describe, expect, it } from 'vitest';
import { statusWords, textToBase64 } from '../../../renderer/features/replay/bodyText';
import {
  type EditDraft,
  editFromDraft,
  generateIds,
  parseCount,
  parseHeaderLines,
  parseList,
  parseRate,
  replayUrl,
  targetFromDraft,
  urlProblem,
} from '../../../renderer/features/replay/drafts';
import { bodyText } from '../../../renderer/lib/bodyText';
import { DEFAULT_TARGET } from '../../../renderer/state/replayStore';

describe('replay form drafts', () => {
  it('checks URLs in words', () => {
    expect(urlProblem('http://127.0.0.1:3000/api', 'The target')).toBeNull();
    expect(urlProblem('', 'The target')).toMatch(/is empty/);
    expect(urlProblem('localhost:3000', 'The target')).toMatch(/http:\/\/ or https:\/\//);
    expect(urlProblem('not a url', 'The target')).toBe(
      'The target "not a url" is not a URL: write it in full, like http://127.0.0.1:3000/api.',
    );
  });

  it('reads header lines, keeping order, repeats and colons in values', () => {
    expect(parseHeaderLines('X-A: 1\n\nx-a: 2\nAuthorization: Bearer a:b', 'h')).toEqual({
      ok: true,
      value: [
        ['X-A', '1'],
        ['x-a', '2'],
        ['Authorization', 'Bearer a:b'],
      ],
    });
    expect(parseHeaderLines('X-A 1', 'the headers to set')).toEqual({
      ok: false,
      error: 'Line 1 of the headers to set is not "Name: value".',
    });
    expect(parseHeaderLines('Bad Name: 1', 'h').ok).toBe(false);
    expect(parseHeaderLines('X-A: ok\nX-B: héllo ✓', 'the headers to set')).toEqual({
      ok: false,
      error:
        'Line 2 of the headers to set: The X-B header\'s value has "✓", which a header cannot carry (Latin-1 text only).',
    });
  });

  it('turns the target form into a ReplayTarget, or says which field is wrong', () => {
    const draft = {
      ...DEFAULT_TARGET,
      targetUrl: ' http://127.0.0.1:9/api ',
      dropHeaders: 'x-signature, Cookie',
      overrideHeaders: 'Authorization: Bearer t',
    };
    expect(targetFromDraft(draft)).toEqual({
      ok: true,
      value: {
        targetUrl: 'http://127.0.0.1:9/api',
        rebase: true,
        dropHeaders: ['x-signature', 'Cookie'],
        overrideHeaders: [['Authorization', 'Bearer t']],
        timeoutMs: 30_000,
        followRedirects: false,
        verifyTls: true,
      },
    });
    expect(targetFromDraft({ ...draft, timeoutMs: '0' })).toEqual({
      ok: false,
      error: 'The timeout (ms) must be a whole number from 1 to 600,000.',
    });
    expect(targetFromDraft({ ...draft, targetUrl: '' }).ok).toBe(false);
  });

  it('previews where a replay goes, as the core rebases it', () => {
    expect(replayUrl('http://h:1/api/', true, '/sms/status?x=1')).toBe('http://h:1/api/sms/status?x=1');
    expect(replayUrl('http://h:1', true, '/hook')).toBe('http://h:1/hook');
    expect(replayUrl('http://h:1/exact', false, '/hook')).toBe('http://h:1/exact');
    expect(replayUrl('nope', true, '/hook')).toBeNull();
    // The target's own query and credentials are kept; its query comes first.
    expect(replayUrl('http://u:p@h:1/api?key=K', true, '/hook?x=1')).toBe(
      'http://u:p@h:1/api/hook?key=K&x=1',
    );
  });

  it('reads counts, rates, lists and generates ids', () => {
    expect(parseCount('5', 'Attempts', 50)).toEqual({ ok: true, value: 5 });
    expect(parseCount('2.5', 'Attempts', 50).ok).toBe(false);
    expect(parseCount('51', 'Attempts', 50)).toEqual({
      ok: false,
      error: 'Attempts must be a whole number from 1 to 50.',
    });
    expect(parseCount('0', 'The interval (ms)', 86_400_000, 0)).toEqual({ ok: true, value: 0 });
    expect(parseRate('')).toEqual({ ok: true, value: null });
    expect(parseRate('0.5')).toEqual({ ok: true, value: 0.5 });
    expect(parseRate('-1').ok).toBe(false);
    expect(parseList('1, 2,3\n 12345678901234567890')).toEqual(['1', '2', '3', '12345678901234567890']);
    expect(generateIds(3, 3234)).toEqual(['3234', '3235', '3236']);
  });

  it('sends only the parts of an edit that changed', () => {
    const draft: EditDraft = {
      captureId: 1,
      method: 'POST',
      url: '',
      headers: 'Content-Type: application/json',
      body: '[{"id_sms":1}]',
      bodyIsText: true,
      original: { method: 'POST', headers: 'Content-Type: application/json', body: '[{"id_sms":1}]' },
    };
    expect(editFromDraft(draft)).toEqual({ ok: true, value: undefined });
    expect(editFromDraft({ ...draft, method: 'put', body: 'é' })).toEqual({
      ok: true,
      value: { method: 'PUT', bodyBase64: textToBase64('é') },
    });
    expect(editFromDraft({ ...draft, headers: 'X-A: 1', url: 'http://h/x' })).toEqual({
      ok: true,
      value: { headers: [['X-A', '1']], url: 'http://h/x' },
    });
    expect(editFromDraft({ ...draft, method: 'GE T' }).ok).toBe(false);

    // A text box gives back LF line breaks: a CRLF body keeps CRLF, and an untouched one is no edit.
    const multipart = '--XB\r\nContent-Disposition: form-data; name="a"\r\n\r\nhello\r\n--XB--\r\n';
    const crlf = { ...draft, body: multipart, original: { ...draft.original, body: multipart } };
    expect(editFromDraft({ ...crlf, body: multipart.replaceAll('\r\n', '\n') })).toEqual({
      ok: true,
      value: undefined,
    });
    expect(
      editFromDraft({ ...crlf, body: multipart.replaceAll('\r\n', '\n').replace('hello', 'hellO') }),
    ).toEqual({
      ok: true,
      value: { bodyBase64: textToBase64(multipart.replace('hello', 'hellO')) },
    });
    // Mixed or LF-only breaks go as typed.
    const mixed = { ...draft, body: 'a\nb\nC', original: { ...draft.original, body: 'a\r\nb\nc' } };
    expect(editFromDraft(mixed)).toEqual({ ok: true, value: { bodyBase64: textToBase64('a\nb\nC') } });
    expect(editFromDraft({ ...draft, url: 'ftp://h' }).ok).toBe(false);
  });

  it('shows bodies as text, and says so when they are not UTF-8', () => {
    expect(bodyText(textToBase64('héllo'))).toEqual({ text: 'héllo', isText: true, size: 6 });
    expect(bodyText(btoa('\xff\xfe'))).toEqual({
      text: '2 bytes that are not UTF-8 text.',
      isText: false,
      size: 2,
    });
    expect(statusWords(202, null)).toBe('202');
    expect(statusWords(null, 'connection refused')).toBe('no answer: connection refused');
  });
});
