package io.qlir.s3;

import java.util.List;
import java.util.Objects;

/**
 * What one push did.
 * <pre>{@code
 * PushReport r = pusher.push(dataRoot, to, PushFilter.all());
 * r.uploaded();           // objects put this time
 * r.changedInBucket();    // keys that the bucket had lost or changed behind qlir's back, put again
 * }</pre>
 *
 * @param to where the files went
 * @param files the local files the push considered
 * @param uploaded how many objects were put
 * @param uploadedBytes how many bytes were put
 * @param unchanged how many files were already in the bucket with the same content
 * @param changedInBucket keys whose object was missing or differed from the record, and were put again
 */
public record PushReport(S3Location to, int files, int uploaded, long uploadedBytes, int unchanged,
        List<String> changedInBucket) {

    /**
     * Freezes the list.
     *
     * @param to where the files went
     * @param files the local files considered
     * @param uploaded objects put
     * @param uploadedBytes bytes put
     * @param unchanged files skipped as unchanged
     * @param changedInBucket keys found changed in the bucket
     */
    public PushReport {
        Objects.requireNonNull(to, "to");
        changedInBucket = List.copyOf(changedInBucket);
    }

    /**
     * One line for the console.
     *
     * @return for example {@code pushed 12 of 40 files (1.2 MB) to s3://b/p, 28 unchanged}
     */
    public String summaryLine() {
        return "pushed " + uploaded + " of " + files + " files (" + uploadedBytes + " bytes) to " + to + ", "
                + unchanged + " unchanged" + (changedInBucket.isEmpty() ? ""
                : ", " + changedInBucket.size() + " changed in the bucket behind qlir's back and pushed again");
    }
}
