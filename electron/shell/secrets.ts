import type { SecretBox } from '../core/composer/secrets';

/** The part of Electron's safeStorage used here. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
}

/**
 * Saved request secrets sealed with the OS keychain (safeStorage). Absent where the OS
 * offers none (e.g. Linux without a keyring): the composer then stores them as typed.
 */
export function safeStorageBox(safeStorage: SafeStorageLike): SecretBox | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  return {
    encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
    decrypt: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}
