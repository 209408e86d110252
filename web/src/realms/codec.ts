/**
 * The wire codec the play view's link uses: binary frames from wire.ts, and snapshot payloads run through a
 * SnapshotDecoder kept for the connection (deltas decode against its baselines). A delta whose baseline this decoder
 * no longer holds is dropped without an ack, so the server falls back to an older baseline or a full snapshot; a
 * transfer starts a new decoder, since ticks are per zone.
 */
import type { RealmCodec } from './link';
import { SnapshotDecoder, SnapshotFormat } from './snapshot';
import type { Snapshot } from './types';
import { decodeServerFrame, encodeClientFrame } from './wire';

export function createRealmCodec(): RealmCodec {
  let snapshots = new SnapshotDecoder();
  return {
    encode: (frame) => encodeClientFrame(frame),
    decode(message) {
      const read = decodeServerFrame(message);
      if (!read.ok) return { type: 'error', code: read.error.code, message: `${read.error.field}: ${read.error.message}` };
      const frame = read.frame;
      switch (frame.type) {
        case 'snapshot': {
          const decoded = snapshots.decode(frame.payload);
          if (decoded.ok) return { type: 'snapshot', snapshot: decoded.snapshot as Snapshot };
          if (decoded.error.code === SnapshotFormat.missingBaseline) return null;
          return { type: 'error', code: decoded.error.code, message: `${decoded.error.field}: ${decoded.error.message}` };
        }
        case 'transfer':
          snapshots = new SnapshotDecoder();
          return frame;
        default:
          return frame;
      }
    },
  };
}
