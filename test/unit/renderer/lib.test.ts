import { describe, expect, it } from 'vitest';
import { bridgeUrl, takeBridgeToken } from '../../../renderer/client/bridgeAuth';
import { bodyCutOf } from '../../../renderer/features/captures/body/BodyMetaLine';
import {
  draftFromSettings,
  MAX_BODY_LIMIT_MIB,
  validateReceiverDraft,
} from '../../../renderer/features/settings/receiverDraft';
import { formatBytes, formatTime } from '../../../renderer/lib/format';
import { hexDump } from '../../../renderer/lib/hexDump';
import { formatJson } from '../../../renderer/lib/jsonFormat';
import {
  addCaptures,
  indexOfId,
  mergeNewestFirst,
  removeCaptures,
} from '../../../renderer/state/captureList';
import { captureSummary } from './fakes';

const enc = (s: string) => new TextEncoder().encode(s);

describe('formatJson', () => {
  const samples = [
    '{}',
    '[]',
    '{"a":1,"b":[1,2,{"c":null}],"d":"x\\n\\u00e9"}',
    '"str"',
    '0',
    '{"a":{},"b":[]}',
    '[[[]]]',
  ];
  for (const s of samples) {
    it(`matches JSON.stringify for ${s}`, () => {
      expect(formatJson(s)).toBe(JSON.stringify(JSON.parse(s), null, 2).replace('é', '\\u00e9'));
    });
  }
  it('keeps big numbers exact', () => {
    expect(formatJson('[{"id_sms":12345678901234567890}]')).toContain('12345678901234567890');
  });
  const bad = [
    '',
    '{',
    '{"a"}',
    '{"a":}',
    '[1,]',
    '{"a":1,}',
    '01',
    'tru',
    '"\\x"',
    '"a\nb"',
    '[1 2]',
    '{} {}',
    '{a:1}',
    '"\\u12G4"',
    '-',
    '1.',
    '.5',
    '{"a":1]',
  ];
  for (const s of bad) {
    it(`rejects ${JSON.stringify(s)}`, () => {
      let native = true;
      try {
        JSON.parse(s);
      } catch {
        native = false;
      }
      expect(native).toBe(false);
      expect(formatJson(s)).toBeNull();
    });
  }
  it('handles deep nesting without throwing', () => {
    expect(formatJson('['.repeat(100000) + ']'.repeat(100000))).toBeNull();
    expect(formatJson('['.repeat(100) + ']'.repeat(100))).not.toBeNull();
  });
});

describe('hexDump', () => {
  it('two lines', () => {
    const out = hexDump(enc('0123456789abcdefXYZ'));
    expect(out).toBe(
      '00000000  30 31 32 33 34 35 36 37  38 39 61 62 63 64 65 66  |0123456789abcdef|\n' +
        '00000010  58 59 5a                                          |XYZ|',
    );
  });
});

describe('format', () => {
  it('bytes', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MiB');
    expect(formatBytes(256 * 1024)).toBe('256 KiB');
  });
  it('time', () => expect(formatTime('2025-01-02T03:04:05.006Z')).toMatch(/^\d\d:04:05\.006$/));
});

const c = (id: number) => captureSummary(id, { receivedAt: '', method: 'GET', bodySize: 0 });

describe('captureList', () => {
  it('adds oldest-first batches on top', () => {
    const items = [c(3), c(2)];
    expect(addCaptures(items, [c(4), c(5)]).map((x) => x.id)).toEqual([5, 4, 3, 2]);
  });
  it('dedupes', () => {
    const items = [c(3), c(2)];
    expect(addCaptures(items, [c(3)])).toBe(items);
    expect(addCaptures(items, [c(2), c(4)]).map((x) => x.id)).toEqual([4, 3, 2]);
  });
  it('merges out-of-order', () => {
    expect(addCaptures([c(5), c(3)], [c(4), c(6)]).map((x) => x.id)).toEqual([6, 5, 4, 3]);
  });
  it('remove', () => {
    const items = [c(3), c(2), c(1)];
    expect(removeCaptures(items, [9])).toBe(items);
    expect(removeCaptures(items, [2]).map((x) => x.id)).toEqual([3, 1]);
  });
  it('merge', () => {
    expect(mergeNewestFirst([c(9), c(5)], [c(5), c(4), c(1)]).map((x) => x.id)).toEqual([9, 5, 4, 1]);
    expect(mergeNewestFirst([c(9), c(4)], [c(8), c(5), c(1)]).map((x) => x.id)).toEqual([9, 8, 5, 4, 1]);
  });
  it('merges an older page or newer rows without a walk, into a new list', () => {
    const loaded = [c(9), c(8)];
    const older = mergeNewestFirst(loaded, [c(7), c(6)]);
    expect(older.map((x) => x.id)).toEqual([9, 8, 7, 6]);
    expect(older).not.toBe(loaded);
    expect(mergeNewestFirst(loaded, [c(11), c(10)]).map((x) => x.id)).toEqual([11, 10, 9, 8]);
    const alone = mergeNewestFirst(loaded, []);
    expect(alone.map((x) => x.id)).toEqual([9, 8]);
    expect(alone).not.toBe(loaded);
    expect(mergeNewestFirst([], [c(2)]).map((x) => x.id)).toEqual([2]);
  });
  it('indexOf', () => {
    const items = Array.from({ length: 1000 }, (_, i) => c(2000 - i * 2));
    expect(indexOfId(items, 2000)).toBe(0);
    expect(indexOfId(items, 2000 - 998 * 2)).toBe(998);
    expect(indexOfId(items, 1001)).toBe(-1);
    expect(indexOfId([], 1)).toBe(-1);
  });
});

describe('receiverDraft', () => {
  it('valid', () => {
    expect(validateReceiverDraft({ host: ' 127.0.0.1 ', port: '7700', bodyLimitMiB: '1.5' })).toEqual({
      ok: true,
      value: { host: '127.0.0.1', port: 7700, bodyLimitBytes: 1572864 },
    });
  });
  it('invalid', () => {
    const r = validateReceiverDraft({ host: 'http://x', port: '70000', bodyLimitMiB: '0' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors).sort()).toEqual(['bodyLimitMiB', 'host', 'port']);
    // 0 is any free port, as `serve --port 0` runs.
    expect(validateReceiverDraft({ host: 'a', port: '0', bodyLimitMiB: '1' }).ok).toBe(true);
    for (const host of ['999.1.1.1', '1.2.3', 'bad_host!', '::zz', 'a..b'])
      expect(validateReceiverDraft({ host, port: '7700', bodyLimitMiB: '1' }).ok, host).toBe(false);
    for (const host of ['0.0.0.0', 'localhost', 'my-box.local', '::1', '::'])
      expect(validateReceiverDraft({ host, port: '7700', bodyLimitMiB: '1' }).ok, host).toBe(true);
    expect(validateReceiverDraft({ host: 'a', port: '1.5', bodyLimitMiB: '1' }).ok).toBe(false);
    expect(validateReceiverDraft({ host: 'a', port: '65535', bodyLimitMiB: 'abc' }).ok).toBe(false);
    expect(validateReceiverDraft({ host: 'a', port: '65535', bodyLimitMiB: '-1' }).ok).toBe(false);
  });
  it('says the largest body limit in MiB, the field’s unit', () => {
    const r = validateReceiverDraft({ host: 'a', port: '7700', bodyLimitMiB: '2048' });
    expect(r.ok ? null : r.errors.bodyLimitMiB).toMatch(/at most 1024 MiB \(1 GiB\)/);
    expect(validateReceiverDraft({ host: 'a', port: '7700', bodyLimitMiB: '1024' })).toMatchObject({
      ok: true,
      value: { bodyLimitBytes: MAX_BODY_LIMIT_MIB * 1024 * 1024 },
    });
  });
  it('draft', () =>
    expect(draftFromSettings({ host: 'h', port: 1, bodyLimitBytes: 10485760 })).toEqual({
      host: 'h',
      port: '1',
      bodyLimitMiB: '10',
    }));
});

describe('bridgeAuth', () => {
  it('url', () => {
    expect(bridgeUrl('http://127.0.0.1:5000/index.html?token=zzz#x', 'a b')).toBe(
      'ws://127.0.0.1:5000/bridge?token=a+b',
    );
    expect(bridgeUrl('https://h/app/', null)).toBe('wss://h/bridge');
  });
  it('takes the token and strips it', () => {
    const store = new Map<string, string>();
    const replaced: string[] = [];
    const ctx = {
      location: { href: 'http://h:1/?token=abc&x=1#frag', search: '?token=abc&x=1' },
      history: {
        state: null,
        replaceState: (_s: unknown, _t: string, url?: string | URL | null) => {
          replaced.push(String(url));
        },
      },
      storage: {
        getItem: (k: string) => store.get(k) ?? null,
        setItem: (k: string, v: string) => {
          store.set(k, v);
        },
      },
    };
    expect(takeBridgeToken(ctx)).toBe('abc');
    expect(replaced).toEqual(['/?x=1#frag']);
    const ctx2 = { ...ctx, location: { href: 'http://h:1/', search: '' } };
    expect(takeBridgeToken(ctx2)).toBe('abc');
  });
});

describe('bodyCutOf: why a stored body is not whole, from what the receiver answered', () => {
  const capture = (truncated: boolean, status: number, ruleId: string | null = null) => ({
    truncated,
    response: { status },
    origin: { ruleId },
  });
  it('says size limit for 413, busy for 503, ended early otherwise; nothing for a whole body', () => {
    expect(bodyCutOf(capture(false, 200))).toBeNull();
    expect(bodyCutOf(capture(true, 413))).toBe('size-limit');
    expect(bodyCutOf(capture(true, 503))).toBe('busy');
    expect(bodyCutOf(capture(true, 0))).toBe('ended-early');
    expect(bodyCutOf(capture(true, 408))).toBe('ended-early');
    // A rule's own 503 to a request that ended early is not the receiver being busy.
    expect(bodyCutOf(capture(true, 503, 'rule-1'))).toBe('ended-early');
  });
});
