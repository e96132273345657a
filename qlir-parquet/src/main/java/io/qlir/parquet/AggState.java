package io.qlir.parquet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qlir.data.manifest.Layout;
import io.qlir.data.manifest.SliceEntry;
import io.qlir.data.manifest.SliceSeries;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * What the last complete aggregation of a series read and left, so that a rerun with nothing new can say so without
 * parsing the slice manifest (at 170,000 slices, 103 MB of JSON: most of a rerun's second in a fresh JVM). It is a
 * cache, never the truth: the lineage in each month file's footer stays that (a missing, stale or unreadable state
 * only means the full comparison runs, and writes it again).
 *
 * <p>The state holds checksums (CRC-32 and size, not modification times) of the manifest and its journal as they
 * were before and after the aggregation read them, of every month file it left (its footer, which any rewrite
 * changes), and the first moment at which time
 * alone would change the answer: the close of a candle still forming then, or the end of a month not yet over. A
 * rerun before that moment, with the same manifest, journal and month files and the same layout, has nothing new by
 * construction: the full comparison is a function of exactly those. Kept beside the dataset lock as {@value #FILE_NAME} (a dot file,
 * which Spark, DuckDB's globs and Polars pass over).
 */
final class AggState {

    static final String FILE_NAME = ".agg-state.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FORMAT = 1;
    private static final int CHUNK = 1 << 20;

    private AggState() {
    }

    /** A file's size and a CRC-32 of its bytes (or of a month file's footer), or absent ({@code size = -1}). */
    record Digest(long size, long crc) {

        static final Digest ABSENT = new Digest(-1, 0);

        /** The whole file: the manifest and the journal. */
        static Digest of(Path file) throws IOException {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                long size = ch.size();
                return new Digest(size, crc(ch, 0, size));
            } catch (NoSuchFileException e) {
                return ABSENT;
            }
        }

        /**
         * A month file by its size and footer: the footer holds everything the full comparison reads of it (lineage,
         * sealed, layout), and any rewrite changes it, so the data pages need not be read. A file that does not end
         * as Parquet does ({@code <footer><length>PAR1}) is hashed whole.
         */
        static Digest ofMonth(Path file) throws IOException {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                long size = ch.size();
                long footer = FastFooter.length(ch, file, size);
                return footer >= 0 ? new Digest(size, crc(ch, size - 8 - footer, footer))
                        : new Digest(size, crc(ch, 0, size));
            } catch (NoSuchFileException e) {
                return ABSENT;
            }
        }

        /** The CRC-32 of {@code length} bytes from {@code from} (fewer when the file ends first). */
        private static long crc(FileChannel ch, long from, long length) throws IOException {
            CRC32 crc = new CRC32();
            ByteBuffer buf = ByteBuffer.allocateDirect((int) Math.min(CHUNK, Math.max(1, length)));
            long at = from;
            long end = from + length;
            while (at < end) {
                buf.clear().limit((int) Math.min(buf.capacity(), end - at));
                int n = ch.read(buf, at);
                if (n < 0) {
                    break;
                }
                buf.flip();
                crc.update(buf);
                at += n;
            }
            return crc.getValue();
        }
    }

    /** The manifest and its journal: what a pass reads of the slices' state. */
    record Inputs(Digest manifest, Digest journal) {

        static Inputs of(Path dataRoot, SliceSeries series) throws IOException {
            Path dir = series.directory(dataRoot);
            return new Inputs(Digest.of(dir.resolve(Layout.MANIFEST)), Digest.of(dir.resolve(Layout.JOURNAL)));
        }
    }

    /**
     * Whether the state in {@code seriesDir} says a pass at {@code nowMs} over these inputs has nothing new: the same
     * inputs, before the moment time changes the answer, and the same month files (no more, no fewer, byte for byte).
     *
     * @return the number of months then current, or -1 when the full comparison must run
     */
    static int currentMonths(Path seriesDir, Inputs inputs, long nowMs) {
        try {
            JsonNode s = JSON.readTree(seriesDir.resolve(FILE_NAME).toFile());
            if (s.path("format").asInt() != FORMAT || !CandleSchema.LAYOUT.equals(s.path("layout").asText())
                    || nowMs >= s.path("valid_until_ms").asLong(Long.MIN_VALUE) || !inputs.equals(inputs(s))) {
                return -1;
            }
            JsonNode months = s.path("months");
            int listed = 0;
            for (Path monthDir : MonthFolders.list(seriesDir)) {
                JsonNode m = months.get(MonthFolders.month(monthDir).toString());
                Path file = monthDir.resolve(ParquetLayout.FILE_NAME);
                if (m == null || !digest(m).equals(Digest.ofMonth(file))) {
                    return -1;
                }
                listed++;
            }
            return listed == months.size() ? listed : -1;
        } catch (IOException | RuntimeException e) {
            return -1; // absent, torn or from another build: the full comparison decides
        }
    }

    /**
     * Records what a pass over {@code inputs} left; deletes the state instead when the inputs changed during the pass
     * ({@code after} differs), so that no state ever vouches for a manifest the pass did not read.
     */
    static void record(Path seriesDir, Inputs before, Inputs after, Collection<SeriesMonths.Month> expected,
            Collection<SliceEntry> sources, SliceSeries series, long nowMs) throws IOException {
        Path target = seriesDir.resolve(FILE_NAME);
        if (!before.equals(after)) {
            Files.deleteIfExists(target);
            return;
        }
        ObjectNode s = JSON.createObjectNode();
        s.put("format", FORMAT);
        s.put("layout", CandleSchema.LAYOUT);   // a build with another layout rewrites the months: the state says nothing
        s.put("valid_until_ms", validUntil(expected, sources, series, nowMs));
        s.set("manifest", node(before.manifest()));
        s.set("journal", node(before.journal()));
        ObjectNode months = s.putObject("months");
        Map<YearMonth, Path> files = new TreeMap<>();
        for (Path monthDir : MonthFolders.list(seriesDir)) {
            files.put(MonthFolders.month(monthDir), monthDir.resolve(ParquetLayout.FILE_NAME));
        }
        for (Map.Entry<YearMonth, Path> f : files.entrySet()) {
            months.set(f.getKey().toString(), node(Digest.ofMonth(f.getValue())));
        }
        Path tmp = seriesDir.resolve(FILE_NAME + ".tmp");
        Files.write(tmp, JSON.writeValueAsBytes(s));
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The first moment at which time alone changes what a pass writes: a month not over at {@code nowMs} ends, or a
     * candle still forming then closes ({@code Long.MAX_VALUE} when neither can happen).
     */
    static long validUntil(Collection<SeriesMonths.Month> expected, Collection<SliceEntry> sources, SliceSeries series,
            long nowMs) {
        long until = Long.MAX_VALUE;
        for (SeriesMonths.Month m : expected) {
            if (m.endExclusiveMs() > nowMs) {
                until = Math.min(until, m.endExclusiveMs());
            }
        }
        for (SliceEntry e : sources) {
            if (e.rows().count() > 0) {
                long closedAt = series.interval().closeTime(e.rows().lastOpenMs()) + 1;
                if (closedAt > nowMs) {
                    until = Math.min(until, closedAt);
                }
            }
        }
        return until;
    }

    private static Inputs inputs(JsonNode s) {
        return new Inputs(digest(s.path("manifest")), digest(s.path("journal")));
    }

    private static Digest digest(JsonNode n) {
        return new Digest(n.path("size").asLong(Long.MIN_VALUE), n.path("crc").asLong());
    }

    private static ObjectNode node(Digest d) {
        ObjectNode n = JSON.createObjectNode();
        n.put("size", d.size());
        n.put("crc", d.crc());
        return n;
    }
}
