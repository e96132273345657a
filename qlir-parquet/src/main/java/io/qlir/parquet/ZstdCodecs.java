package io.qlir.parquet;

import com.github.luben.zstd.Zstd;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Parquet's codec factory for qlir's files: ZSTD through zstd-jni directly (and uncompressed pages), so neither
 * writing nor reading goes through Hadoop's codec classes (which want native Hadoop or a full Hadoop tree).
 * Files written by other tools with another codec are refused with a message naming the codec.
 */
final class ZstdCodecs implements CompressionCodecFactory {

    /** ZSTD level 3: zstd's default, a good size at several hundred MB/s. */
    static final int LEVEL = 3;

    static final ZstdCodecs INSTANCE = new ZstdCodecs();

    private ZstdCodecs() {
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        check(codec);
        return new BytesInputCompressor() {
            @Override
            public BytesInput compress(BytesInput bytes) throws IOException {
                return codec == CompressionCodecName.UNCOMPRESSED ? bytes
                        : BytesInput.from(Zstd.compress(bytes.toByteArray(), LEVEL));
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
                byte[] out = new byte[uncompressedSize];
                long n = Zstd.decompress(out, bytes.toByteArray());
                if (Zstd.isError(n) || n != uncompressedSize) {
                    throw new IOException("ZSTD page did not decompress to " + uncompressedSize + " bytes ("
                            + (Zstd.isError(n) ? Zstd.getErrorName(n) : n + " bytes") + ")");
                }
                return BytesInput.from(out);
            }

            @Override
            public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                    throws IOException {
                byte[] in = new byte[compressedSize];
                input.duplicate().get(in);
                if (codec == CompressionCodecName.UNCOMPRESSED) {
                    output.put(in, 0, uncompressedSize);
                    return;
                }
                byte[] out = new byte[uncompressedSize];
                long n = Zstd.decompress(out, in);
                if (Zstd.isError(n) || n != uncompressedSize) {
                    throw new IOException("ZSTD page did not decompress to " + uncompressedSize + " bytes");
                }
                output.put(out);
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
