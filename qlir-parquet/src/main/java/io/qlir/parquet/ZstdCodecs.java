package io.qlir.parquet;

import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Parquet's codec factory for qlir's files: ZSTD through zstd-jni directly (and uncompressed pages), so neither
 * writing nor reading goes through Hadoop's codec classes (which want native Hadoop or a full Hadoop tree).
 * Files written by other tools with another codec are refused with a message naming the codec.
 *
 * <p>Each thread keeps one zstd context for compressing and one for decompressing (creating a context per page
 * cost about as much as decompressing a small page), and pages decompress straight from the buffer Parquet read
 * them into (no copy of the compressed bytes).
 */
final class ZstdCodecs implements CompressionCodecFactory {

    /**
     * ZSTD level -5 with a minimum match of 7 bytes, for every page. Why not zstd's default (3): at level 3 the
     * compressible DOUBLE pages (tick-sized prices that repeat) become Huffman-coded literals, which decode at about
     * 1 GB/s here, 8 ns per candle for each price column and 32 of the reader's 55 ns per candle in all; at this
     * level literals stay raw and only repeats become matches, which decode at copy speed (3.4 ns per price column),
     * for twice the bytes of those pages (the benchmark's cent-tick dataset: 16.6 % of its slice files instead of
     * 8.1 %; full-precision doubles are stored either way). Delta-encoded and constant pages shrink to a few bytes
     * at any level. Measured with {@code io.qlir.bench.loader.ZstdCeiling}; docs/benchmarks.md has the runs.
     */
    static final int LEVEL = -5;
    /** The minimum match length at {@link #LEVEL}: eight-byte values repeat whole or not at all. */
    static final int MIN_MATCH = 7;

    static final ZstdCodecs INSTANCE = new ZstdCodecs();

    private static final ThreadLocal<ZstdCompressCtx> COMPRESS = ThreadLocal.withInitial(
            () -> new ZstdCompressCtx().setLevel(LEVEL).setMinMatch(MIN_MATCH));
    private static final ThreadLocal<ZstdDecompressCtx> DECOMPRESS = ThreadLocal.withInitial(ZstdDecompressCtx::new);

    private ZstdCodecs() {
    }

    /** Decompresses one ZSTD frame from {@code in}'s remaining bytes into a new array of exactly {@code size}. */
    static byte[] decompress(ByteBuffer in, int size) throws IOException {
        byte[] out = new byte[size];
        int n;
        try {
            if (in.hasArray()) {
                n = DECOMPRESS.get().decompressByteArray(out, 0, size, in.array(), in.arrayOffset() + in.position(),
                        in.remaining());
            } else if (in.isDirect()) {
                n = DECOMPRESS.get().decompressDirectByteBufferToByteArray(out, 0, size, in, in.position(),
                        in.remaining());
            } else {
                byte[] copy = new byte[in.remaining()];
                in.duplicate().get(copy);
                n = DECOMPRESS.get().decompressByteArray(out, 0, size, copy, 0, copy.length);
            }
        } catch (ZstdException e) {
            throw new IOException("ZSTD page did not decompress to " + size + " bytes (" + e.getMessage() + ")", e);
        }
        if (n != size) {
            throw new IOException("ZSTD page did not decompress to " + size + " bytes (" + n + " bytes)");
        }
        return out;
    }

    /** One page as a ZSTD frame at {@link #LEVEL}. */
    static byte[] compress(byte[] raw) {
        return COMPRESS.get().compress(raw);
    }

    /**
     * Decompresses one ZSTD frame, {@code in}'s remaining bytes, into the direct buffer {@code out} from its start:
     * exactly {@code size} bytes, or an error.
     */
    static void decompress(ByteBuffer in, ByteBuffer out, int size) throws IOException {
        int n;
        try {
            if (in.isDirect()) {
                n = DECOMPRESS.get().decompressDirectByteBuffer(out, 0, size, in, in.position(), in.remaining());
            } else {
                n = DECOMPRESS.get().decompressByteArrayToDirectByteBuffer(out, 0, size, in.array(),
                        in.arrayOffset() + in.position(), in.remaining());
            }
        } catch (ZstdException e) {
            throw new IOException("ZSTD page did not decompress to " + size + " bytes (" + e.getMessage() + ")", e);
        }
        if (n != size) {
            throw new IOException("ZSTD page did not decompress to " + size + " bytes (" + n + " bytes)");
        }
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        check(codec);
        return new BytesInputCompressor() {
            @Override
            public BytesInput compress(BytesInput bytes) throws IOException {
                return codec == CompressionCodecName.UNCOMPRESSED ? bytes
                        : BytesInput.from(ZstdCodecs.compress(bytes.toByteArray()));
            }

            @Override
            public CompressionCodecName getCodecName() {
                return codec;
            }

            @Override
            public void release() {
            }
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        check(codec);
        return new BytesInputDecompressor() {
            @Override
            public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
                if (codec == CompressionCodecName.UNCOMPRESSED) {
                    return bytes;
                }
                return BytesInput.from(ZstdCodecs.decompress(bytes.toByteBuffer(), uncompressedSize));
            }

            @Override
            public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                    throws IOException {
                ByteBuffer in = input.duplicate();
                in.limit(in.position() + compressedSize);
                if (codec == CompressionCodecName.UNCOMPRESSED) {
                    output.put(in);
                    return;
                }
                output.put(ZstdCodecs.decompress(in, uncompressedSize));
            }

            @Override
            public void release() {
            }
        };
    }

    private static void check(CompressionCodecName codec) {
        if (codec != CompressionCodecName.ZSTD && codec != CompressionCodecName.UNCOMPRESSED) {
            throw new IllegalArgumentException("Parquet codec " + codec + " is not supported by qlir-parquet; "
                    + "valid: ZSTD (what qlir writes) or UNCOMPRESSED");
        }
    }

    @Override
    public void release() {
    }
}
