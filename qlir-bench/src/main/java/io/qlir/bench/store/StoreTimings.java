package io.qlir.bench.store;

import io.qlir.bench.CpuTimeProfiler;
import io.qlir.data.manifest.ReconcileReport;
import io.qlir.data.manifest.SliceDirectory;
import io.qlir.data.manifest.SliceSeries;
import io.qlir.data.validate.ManifestValidator;
import io.qlir.data.validate.ValidationMode;
import io.qlir.data.validate.ValidationReport;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Cold-JVM timings outside JMH, with the process's CPU time next to wall time (the build machine is shared, so wall
 * time alone says little). One operation per JVM:
 * {@code java -cp qlir-benchmarks.jar io.qlir.bench.store.StoreTimings reconcile|validate|both|deep}.
 */
public final class StoreTimings {

    private StoreTimings() {
    }

    /**
     * Runs one operation on the synthetic fixture and prints its wall and CPU time.
     *
     * @param args {@code reconcile}, {@code validate}, {@code both} or {@code deep}
     * @throws IOException when the fixture cannot be built or opened
     */
    public static void main(String[] args) throws IOException {
        String what = args.length == 0 ? "both" : args[0];
        SliceSeries series = "deep".equals(what) ? SyntheticStore.manyCandles() : SyntheticStore.manySlices();
        SyntheticStore.ensure(series, "deep".equals(what) ? 1_000 : 170_000);
        Path root = SyntheticStore.root();
        long cpu0 = CpuTimeProfiler.processCpuNanos();
        long t0 = System.nanoTime();
        String result;
        switch (what) {
            case "reconcile":
                result = reconcile();
                break;
            case "validate":
                result = ManifestValidator.validate(root, series).describe();
                break;
            case "deep":
                ValidationReport r = ManifestValidator.validate(root, series, ValidationMode.DEEP);
                result = r.describe() + "; " + r.rowsRead() + " candles";
                break;
            default:
                result = reconcile() + " | " + ManifestValidator.validate(root, series).describe();
        }
        long wall = System.nanoTime() - t0;
        long cpu = CpuTimeProfiler.processCpuNanos() - cpu0;
        System.out.printf("%s: wall %d ms, process cpu %d ms (%s)%n", what, wall / 1_000_000, cpu / 1_000_000, result);
        if ("deep".equals(what)) {
            System.out.printf("deep: %.0f candles/s wall%n", 1_000_000 / (wall / 1e9));
        }
    }

    private static String reconcile() throws IOException {
        try (SliceDirectory d = SliceDirectory.open(SyntheticStore.root(), SyntheticStore.manySlices(),
                SyntheticStore.options())) {
            ReconcileReport r = d.lastReconcile();
            return r.describe();
        }
    }

}
