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
     * The compression of every page: zstd's fast strategy at an acceleration ({@code targetLength}) of
     * {@value #ACCELERATION}, a hash table of 2^{@value #HASH_LOG} entries and a minimum match of {@value #MIN_MATCH}
     * bytes, set over level {@value #LEVEL} (which then only gives the window size). Why not zstd's default (level 3
     * as is): it Huffman-codes the literals of tick-sized prices, which decode at about 1 GB/s here, 8 ns per candle
     * for each price column and 32 of the reader's 55 ns per candle in all. The fast strategy with a positive
     * acceleration keeps literals raw (they decode at copy speed) and turns only repeats into matches; eight-byte
     * values repeat whole or not at all, hence the minimum match. Every match is one sequence for the decoder to
     * execute, so the hash table is kept small: fewer, nearer repeats are found, and the price pages come out 3 %
     * larger than at level -5 (the previous setting) and decode in 15 % less time (the benchmark's fixture at 34.2 %
     * of its slice files instead of 33.8 %, its reader at 33–34 ns per candle instead of 38;
     * io.qlir.bench.loader.ZstdCeiling and docs/benchmarks.md have the runs). Incompressible pages (the volumes'
     * decimals) come out as stored blocks, which {@link StoredFrames} reads without zstd. Any ZSTD decoder reads
     * these frames.
     */
    static final int LEVEL = 3;
    /** zstd's fast strategy ({@code ZSTD_fast}): literals stay raw when the acceleration is positive. */
    static final int STRATEGY_FAST = 1;
    /** The fast strategy's acceleration ({@code ZSTD_c_targetLength}). */
    static final int ACCELERATION = 8;
    /** The log of the match finder's hash table size. */
    static final int HASH_LOG = 12;
    /** The minimum match length: eight-byte values repeat whole or not at all. */
    static final int MIN_MATCH = 7;

    static final ZstdCodecs INSTANCE = new ZstdCodecs();

    private static final ThreadLocal<ZstdCompressCtx> COMPRESS = ThreadLocal.withInitial(ZstdCodecs::compressor);
    private static final ThreadLocal<ZstdDecompressCtx> DECOMPRESS = ThreadLocal.withInitial(ZstdDecompressCtx::new);

    private ZstdCodecs() {
    }

    /** A compression context with the layout's settings ({@link #LEVEL}). */
    static ZstdCompressCtx compressor() {
        return new ZstdCompressCtx().setLevel(LEVEL).setStrategy(STRATEGY_FAST).setTargetLength(ACCELERATION)
                .setHashLog(HASH_LOG).setMinMatch(MIN_MATCH);
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

    /** One page as a ZSTD frame with the layout's settings ({@link #LEVEL}). */
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
