import { describe, expect, it } from 'vitest';
import { COMMANDS, EVENTS, ipcChannel, isCommandName, isEventName } from '../../shared/contract';

describe('contract', () => {
  it('lists each command and event once, with distinct channels', () => {
    expect(new Set(COMMANDS).size).toBe(COMMANDS.length);
    expect(new Set(EVENTS).size).toBe(EVENTS.length);
    const channels = [...COMMANDS.map(ipcChannel.command), ...EVENTS.map(ipcChannel.event)];
    expect(new Set(channels).size).toBe(channels.length);
    expect(COMMANDS).toContain('listCaptures');
    expect(EVENTS).toContain('capturesAdded');
  });

  it('recognises only its own names, not inherited object keys', () => {
    expect(isCommandName('getCapture')).toBe(true);
    expect(isCommandName('toString')).toBe(false);
    expect(isCommandName('__proto__')).toBe(false);
    expect(isEventName('capturesAdded')).toBe(true);
    expect(isEventName('constructor')).toBe(false);
    expect(isEventName(42)).toBe(false);
  });
});
