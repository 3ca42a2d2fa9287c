import { open, seal } from './aes-gcm';
import type { MasterKey } from './master-keys';

/** Which data key is wrapped: the wrap is bound to it, so it cannot be moved to another clinic. */
export interface DataKeyContext {
  clinicId: string;
  version: number;
}

export interface WrappedDataKey {
  wrappedKey: Buffer;
  masterKeyId: string;
}

/**
 * Wraps and unwraps the clinics' data keys with a master key the database never holds. The
 * local implementation keeps master keys in configuration; a cloud KMS can take its place
 * behind the same interface.
 */
export interface KeyWrapper {
  /** The master key that wraps new data keys, and that rotation moves old ones to. */
  readonly currentKeyId: string;
  wrap(dataKey: Buffer, context: DataKeyContext): Promise<WrappedDataKey>;
  unwrap(wrapped: WrappedDataKey, context: DataKeyContext): Promise<Buffer>;
}

export const KEY_WRAPPER = Symbol('KEY_WRAPPER');

export class UnknownMasterKeyError extends Error {
  constructor(masterKeyId: string) {
    super(
      `Master key ${masterKeyId} is not configured; add it to MASTER_KEYS after the current one.`,
    );
    this.name = 'UnknownMasterKeyError';
  }
}

function wrapContext(context: DataKeyContext, masterKeyId: string): string {
  return `ivks-data-key-v1|${context.clinicId}|${context.version}|${masterKeyId}`;
}

/** Master keys from configuration, the first one current; the others only unwrap. */
export class LocalKeyWrapper implements KeyWrapper {
  private readonly keys: ReadonlyMap<string, Buffer>;
  readonly currentKeyId: string;

  constructor(masterKeys: readonly MasterKey[]) {
    const [current] = masterKeys;
    if (!current) {
      throw new Error('LocalKeyWrapper needs at least one master key.');
    }
    this.currentKeyId = current.id;
    this.keys = new Map(masterKeys.map((masterKey) => [masterKey.id, masterKey.key]));
  }

  // Promises, like a KMS call: a missing or wrong key rejects rather than throws.
  wrap(dataKey: Buffer, context: DataKeyContext): Promise<WrappedDataKey> {
    return Promise.resolve().then(() => {
      const masterKeyId = this.currentKeyId;
      const wrappedKey = seal(this.key(masterKeyId), dataKey, wrapContext(context, masterKeyId));

      return { wrappedKey, masterKeyId };
    });
  }

  unwrap(wrapped: WrappedDataKey, context: DataKeyContext): Promise<Buffer> {
    return Promise.resolve().then(() =>
      open(
        this.key(wrapped.masterKeyId),
        wrapped.wrappedKey,
        wrapContext(context, wrapped.masterKeyId),
      ),
    );
  }

  private key(masterKeyId: string): Buffer {
    const key = this.keys.get(masterKeyId);
    if (!key) {
      throw new UnknownMasterKeyError(masterKeyId);
    }

    return key;
  }
}
