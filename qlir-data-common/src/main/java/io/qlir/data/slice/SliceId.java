package io.qlir.data.slice;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * A slice's file name stem: lowercase hex of BLAKE2b with a 16-byte digest over the UTF-8 canonical key.
 *
 * <p>The digest length is set in BLAKE2b's parameter block (BouncyCastle {@code new Blake2bDigest(128)}, Python
 * {@code hashlib.blake2b(key, digest_size=16)}), so it is <em>not</em> a truncated BLAKE2b-512. This is the hash the
 * Python qlir uses, which is why a Python data root is read as-is.
 * <pre>{@code
 * SliceId.of("BTCUSDT:30m:1554991200000:500").hex();   // "fed092777a733060bcb45c53241b43ad"
 * }</pre>
 *
 * @param hex 32 lowercase hex digits
 */
public record SliceId(String hex) {

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    /**
     * Checks the hex form.
     *
     * @param hex 32 lowercase hex digits
     * @throws IllegalArgumentException naming the text and the valid form
     */
    public SliceId {
        if (!isWellFormed(hex)) {
            throw new IllegalArgumentException("bad slice id '" + hex + "'; valid: 32 lowercase hex digits");
        }
    }

    /**
     * The id of a slice key.
     *
     * @param key the slice key
     * @return its id
     */
    public static SliceId of(SliceKey key) {
        Hasher h = HASHER.get();
        h.reset();
        h.ascii(key.symbol());
        h.ascii(':');
        h.ascii(key.interval().wireCode());
        h.ascii(':');
        h.decimal(key.startMs());
        h.ascii(':');
        h.decimal(key.limit());
        return new SliceId(h.hex());
    }

    /**
     * The id of a canonical key given as text (no parsing: the exact bytes are hashed).
     *
     * @param canonicalKey the canonical key, for example {@code BTCUSDT:1m:1502942400000:1000}
     * @return its id
     */
    public static SliceId of(String canonicalKey) {
        byte[] in = canonicalKey.getBytes(StandardCharsets.UTF_8);
        Hasher h = HASHER.get();
        h.reset();
        h.bytes(in);
        return new SliceId(h.hex());
    }

    private static final ThreadLocal<Hasher> HASHER = ThreadLocal.withInitial(Hasher::new);

    /**
     * One thread's reusable digest and buffers: hashing 170,000 keys to check a manifest should not allocate a
     * digest (and its buffers) per key. Keys are ASCII (symbols are checked to be), so they are encoded by hand.
     */
    private static final class Hasher {
        private final Blake2bDigest digest = new Blake2bDigest(128);
        private final byte[] buf = new byte[128];
        private final byte[] out = new byte[16];
        private final char[] hex = new char[32];
        private final char[] digits = new char[20];
        private int n;

        void reset() {
            digest.reset();
            n = 0;
        }

        void ascii(char c) {
            if (n == buf.length) {
                digest.update(buf, 0, n);
                n = 0;
            }
            buf[n++] = (byte) c;
        }

        void ascii(String s) {
            for (int i = 0; i < s.length(); i++) {
                ascii(s.charAt(i));
            }
        }

        /** Appends a non-negative number in decimal (keys hold no negative numbers). */
        void decimal(long v) {
            int i = digits.length;
            long x = v;
            do {
                digits[--i] = (char) ('0' + (x % 10));
                x /= 10;
            } while (x != 0);
            for (; i < digits.length; i++) {
                ascii(digits[i]);
            }
        }

        void bytes(byte[] in) {
            digest.update(in, 0, in.length);
        }

        String hex() {
            if (n > 0) {
                digest.update(buf, 0, n);
                n = 0;
            }
            digest.doFinal(out, 0);
            for (int i = 0; i < 16; i++) {
                hex[2 * i] = DIGITS[(out[i] >> 4) & 0xF];
                hex[2 * i + 1] = DIGITS[out[i] & 0xF];
            }
            return new String(hex);
        }
    }

    /**
     * Whether a text is a well-formed slice id.
     *
     * @param text any text
     * @return true for 32 lowercase hex digits
     */
    public static boolean isWellFormed(String text) {
        if (text == null || text.length() != 32) {
            return false;
        }
        for (int i = 0; i < 32; i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The slice file's name, {@code <hex>.json}.
     *
     * @return the file name
     */
    public String fileName() {
        return hex + ".json";
    }

    /**
     * The hex form.
     *
     * @return {@link #hex()}
     */
    @Override
    public String toString() {
        return hex;
    }
}
