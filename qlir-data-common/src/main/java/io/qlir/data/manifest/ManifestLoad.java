package io.qlir.data.manifest;

import java.util.List;
import java.util.Objects;

/**
 * What reading a directory's {@code manifest.json} and {@code manifest.journal} found, without a lock.
 *
 * <p>Reading never fails on bad content: damaged entries are left out and reported as {@link Problem}s, a torn
 * last journal line (a crash mid-append) is ignored and reported as tolerated.
 * <pre>{@code
 * ManifestLoad load = Manifest.load(dataRoot, series);
 * load.problems().forEach(p -> log.warn("{}: {}", p.where(), p.message()));
 * }</pre>
 *
 * @param manifest the manifest as the store would see it (empty when there is no manifest); null only when the
 *     directory's series cannot be told from its path or its manifest
 * @param manifestFound whether {@code manifest.json} exists
 * @param foreign whether {@code manifest.json} exists but is not a qlir manifest (another tool's, or unreadable)
 * @param journalLines how many journal lines were applied
 * @param problems what was wrong, in file order
 */
public record ManifestLoad(Manifest manifest, boolean manifestFound, boolean foreign, int journalLines,
                           List<Problem> problems) {

    /**
     * Copies the problems.
     *
     * @param manifest the manifest, or null when the series is unknown
     * @param manifestFound whether {@code manifest.json} exists
     * @param foreign whether it is not a qlir manifest
     * @param journalLines how many journal lines were applied
     * @param problems what was wrong
     */
    public ManifestLoad {
        problems = List.copyOf(problems);
    }

    /** What kind of damage a problem is. */
    public enum Kind {
        /** The manifest or a journal line does not have the one manifest shape. */
        STRUCTURE,
        /** An entry contradicts itself or its directory (slice id, path, series). */
        INVARIANT,
        /** The journal's last line is incomplete (a crash mid-append); it was ignored, as designed. */
        TORN_TAIL
    }

    /**
     * One thing found wrong.
     *
     * @param kind what kind of damage
     * @param where the file and position, for example {@code manifest.journal line 7}
     * @param sliceKey the slice concerned, or null
     * @param message what is wrong
     */
    public record Problem(Kind kind, String where, String sliceKey, String message) {

        /**
         * Checks the required parts.
         *
         * @param kind what kind of damage
         * @param where the file and position
         * @param sliceKey the slice concerned, or null
         * @param message what is wrong
         * @throws NullPointerException when kind, where or message is null
         */
        public Problem {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(message, "message");
        }
    }
}
