package io.qlir.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * The table {@link QlirDeriveSource} reads, its scan and its batch in one: one input partition per series folder of an
 * endpoint folder, listed on the driver, and a reader factory that derives each series in its task. Nothing is
 * pushed down; Spark projects and filters above the scan.
 */
final class DeriveScan implements SupportsRead, ScanBuilder, Scan, Batch {

    private final Path endpoint;
    private final DerivePlan plan;
    private final StructType schema;
    private final List<Path> series;
    private final StructType read;

    DeriveScan(Path endpoint, DerivePlan plan) {
        this.endpoint = endpoint;
        this.plan = plan;
        this.schema = QlirDeriveSource.schema(plan);
        this.series = SeriesFolders.list(endpoint);
        List<List<String>> first = SeriesFolders.months(series.get(0));
        this.read = SeriesBuffer.requireColumns(first.get(0).get(0));
    }

    @Override
    public String name() {
        return "qlir-derive " + endpoint;
    }

    @Override
    public StructType schema() {
        return schema;
    }

    @Override
    public Set<TableCapability> capabilities() {
        return Set.of(TableCapability.BATCH_READ);
    }

    @Override
    public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
        return this;
    }

    @Override
    public Scan build() {
        return this;
    }

    @Override
    public StructType readSchema() {
        return schema;
    }

    @Override
    public String description() {
        return "qlir-derive " + endpoint + " ops=[" + plan.opsText() + "] " + (plan.chunked()
                ? "chunks of " + plan.chunkRows() + " rows, halo " + plan.halo() : "whole series");
    }

    @Override
    public Batch toBatch() {
        return this;
    }

    @Override
    public InputPartition[] planInputPartitions() {
        List<InputPartition> out = new ArrayList<>();
        for (Path s : series) {
            out.add(new SeriesInput(value(s.getParent(), "symbol="), value(s, "interval="), SeriesFolders.months(s)));
        }
        return out.toArray(new InputPartition[0]);
    }

    @Override
    public PartitionReaderFactory createReaderFactory() {
        return new DeriveReaderFactory(plan.opsText(), read, schema, plan.chunked() ? plan.chunkRows() : 0, plan.halo());
    }

    private static String value(Path folder, String prefix) {
        return folder.getFileName().toString().substring(prefix.length());
    }
}
