package io.qlir.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a fingerprint of a whole stored series must say, read straight from the slice files (their meta
 * {@code data_sha256}, ordered by their first open time), not through the manifest or the code under test.
 */
final class StoreFingerprints {

    private StoreFingerprints() {
    }

    /** The data checksums of every slice file in a slice directory, in time order. */
    static List<String> sliceChecksums(Path sliceDir) {
        ObjectMapper json = new ObjectMapper();
        Map<Long, String> byStart = new TreeMap<>();
        try (Stream<Path> files = Files.list(sliceDir.resolve("responses"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                JsonNode node = json.readTree(f.toFile());
                byStart.put(node.get("data").get(0).get(0).asLong(), node.get("meta").get("data_sha256").asText());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(byStart.values());
    }

    /** SHA-256 over each checksum and a newline, as the fingerprint's documentation defines it. */
    static String hashOf(List<String> checksums) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (String c : checksums) {
            md.update((c + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
