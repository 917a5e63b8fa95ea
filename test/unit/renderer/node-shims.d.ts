/**
 * The few Node APIs curl.test.ts needs to run a shell. The renderer's tsconfig
 * leaves Node's types out on purpose (renderer code must not lean on Buffer or
 * process), so these are declared here instead of pulling all of them in.
 */
declare module 'node:child_process' {
  export function spawnSync(
    command: string,
    args: readonly string[],
    options: { env: Record<string, string | undefined> },
  ): { status: number | null; stdout: Uint8Array; stderr: Uint8Array };
}

declare module 'node:fs' {
  export function mkdtempSync(prefix: string): string;
  export function readFileSync(path: string): Uint8Array;
  export function rmSync(path: string, options?: { recursive?: boolean; force?: boolean }): void;
}

declare module 'node:os' {
  export function tmpdir(): string;
}

declare module 'node:path' {
  export function join(...parts: string[]): string;
}

declare const process: { env: Record<string, string | undefined> };
