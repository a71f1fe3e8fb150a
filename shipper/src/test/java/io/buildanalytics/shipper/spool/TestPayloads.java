package io.buildanalytics.shipper.spool;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Payloads that prove their own integrity: an 8-byte counter followed by filler derived from it, 16 to 2 063 bytes
 * long. Any changed, truncated or swapped byte makes {@link #isIntact} false.
 */
final class TestPayloads {

    private TestPayloads() {
    }

    static byte[] of(long counter) {
        byte[] payload = new byte[16 + (int) (mix(counter) & 2047)];
        ByteBuffer.wrap(payload).putLong(counter);
        long state = mix(counter ^ 0x5DEECE66DL);
        for (int i = Long.BYTES; i < payload.length; i++) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            payload[i] = (byte) (state >>> 56);
        }
        return payload;
    }

    static long counterOf(byte[] payload) {
        return ByteBuffer.wrap(payload).getLong();
    }

    static boolean isIntact(byte[] payload) {
        return payload.length >= Long.BYTES && Arrays.equals(payload, of(counterOf(payload)));
    }

    private static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
