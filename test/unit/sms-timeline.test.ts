import { describe, expect, it } from 'vitest';
import { buildSmsTimeline, type StatusBatch } from '../../electron/core/inspector/sms-timeline';

let nextId = 1;
const batch = (items: object[]): StatusBatch => ({
  id: nextId++,
  receivedAt: Date.parse('2026-11-22T10:00:00Z'),
  body: Buffer.from(JSON.stringify(items)),
});

describe('the SMS status timeline', () => {
  it('a status the gateway sends again is marked re-sent and does not move the state back', () => {
    const first = [
      { id_sms: 8001, time: '', state: 'send' },
      { id_sms: 8002, time: '2011-01-01 10:00:00', state: 'deliver' },
    ];
    const timeline = buildSmsTimeline([
      batch(first),
      batch([
        { id_sms: 8001, time: '2011-01-01 10:00:05', state: 'deliver' },
        { id_sms: 8002, time: '2011-01-01 10:01:00', state: 'read' },
      ]),
      // The first batch again, byte for byte: its acknowledgement was lost.
      batch(first),
    ]);
    expect(timeline.resentBatches).toBe(1);
    const [a, b] = timeline.entries;
    expect(a).toMatchObject({ idSms: '8001', lastState: 'deliver', final: false });
    expect(a?.events.map((e) => [e.state, e.resent])).toEqual([
      ['send', false],
      ['deliver', false],
      ['send', true],
    ]);
    expect(a?.anomalies).toEqual([
      expect.stringMatching(
        /^"send" was sent again \(capture #\d+\), in a re-sent batch: the acknowledgement/,
      ),
    ]);
    expect(b).toMatchObject({ idSms: '8002', lastState: 'read', final: true });
    expect(b?.anomalies).toEqual([expect.stringMatching(/^"deliver" of 2011-01-01 10:00:00 was sent again/)]);
    expect(b?.anomalies.join()).not.toMatch(/backwards|after the final/);
  });

  it('a real change after a final state or backwards is still an anomaly', () => {
    const timeline = buildSmsTimeline([
      batch([{ id_sms: 1, time: '2011-01-01 10:00:00', state: 'read' }]),
      batch([{ id_sms: 1, time: '2011-01-01 09:00:00', state: 'send' }]),
      batch([{ id_sms: 2, time: '2011-01-01 10:00:00', state: 'deliver' }]),
      batch([{ id_sms: 2, time: '', state: 'send' }]),
    ]);
    expect(timeline.entries[0]?.lastState).toBe('send');
    expect(timeline.entries[0]?.anomalies.join()).toMatch(/after the final state "read"/);
    expect(timeline.entries[1]?.anomalies.join()).toMatch(/Went backwards from "deliver" to "send"/);
  });

  it('an unknown state, or a state other than send without a time, is an anomaly', () => {
    const timeline = buildSmsTimeline([
      batch([
        { id_sms: 5, time: '2011-01-01 10:00:00', state: 'bogus' },
        { id_sms: 6, time: '', state: 'deliver' },
        { id_sms: 7, time: '', state: 'send' },
      ]),
    ]);
    const [bogus, noTime, fine] = timeline.entries;
    expect(bogus?.anomalies).toEqual([
      expect.stringMatching(/^"bogus" is not one of the gateway's states \(capture #\d+\)\.$/),
    ]);
    expect(noTime?.anomalies).toEqual([
      expect.stringMatching(/^"deliver" came without a time \(capture #\d+\); only "send" may have none\.$/),
    ]);
    expect(fine?.anomalies).toEqual([]);
  });

  it('tells at most limitIds ids and counts the rest; `only` narrows before the limit', () => {
    const batches = [
      batch([1, 2, 3].map((id) => ({ id_sms: id, time: '', state: 'send' }))),
      batch([3, 4, 5].map((id) => ({ id_sms: id, time: '2011-01-01 10:00:00', state: 'deliver' }))),
    ];
    const cut = buildSmsTimeline(batches, { limitIds: 2 });
    expect(cut.entries.map((e) => e.idSms)).toEqual(['1', '2']);
    expect(cut.omittedIds).toBe(3);
    const five = buildSmsTimeline(batches, { limitIds: 2, only: (id) => id === '5' });
    expect(five.entries.map((e) => e.idSms)).toEqual(['5']);
    expect(five.omittedIds).toBe(0);
  });
});
