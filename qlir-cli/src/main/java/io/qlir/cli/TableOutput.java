package io.qlir.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Writes a table as CSV or JSON, exactly: doubles in their shortest round-trip decimal form, never in exponent
 * notation ({@code 12345678.9}, not {@code 1.23456789E7}); longs (candle times, trades) as integers; NaN and
 * missing values as an empty CSV field or JSON {@code null}.
 */
final class TableOutput {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    /** {@code [}, then one compact row object per line, then {@code ]}. */
    private static final DefaultPrettyPrinter ONE_ROW_PER_LINE = new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.NONE)
                    .withObjectEntrySpacing(Separators.Spacing.NONE))
            .withArrayIndenter(new DefaultIndenter("", "\n"))
            .withObjectIndenter(new DefaultPrettyPrinter.NopIndenter());

    private TableOutput() {
    }

    static void write(Table table, OutputFormat format, Writer out) throws IOException {
        if (format == OutputFormat.CSV) {
            writeCsv(table, out);
        } else {
            writeJson(table, out);
        }
        out.flush();
    }

    static void writeCsv(Table table, Writer out) throws IOException {
        int columns = table.columnCount();
        StringBuilder line = new StringBuilder(256);
        for (int c = 0; c < columns; c++) {
            if (c > 0) {
                line.append(',');
            }
            line.append(csvField(table.column(c).name()));
        }
        out.write(line.append('\n').toString());
        for (int r = 0; r < table.rowCount(); r++) {
            line.setLength(0);
            for (int c = 0; c < columns; c++) {
                if (c > 0) {
                    line.append(',');
                }
                Column<?> col = table.column(c);
                if (!col.isMissing(r)) {
                    line.append(csvField(text(col, r)));
                }
            }
            out.write(line.append('\n').toString());
        }
    }

    static void writeJson(Table table, Writer out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.setPrettyPrinter(ONE_ROW_PER_LINE);
            g.writeStartArray();
            for (int r = 0; r < table.rowCount(); r++) {
                g.writeStartObject();
                for (Column<?> col : table.columns()) {
                    g.writeFieldName(col.name());
                    if (col.isMissing(r)) {
                        g.writeNull();
                    } else if (col instanceof LongColumn) {
                        g.writeNumber(((LongColumn) col).getLong(r));
                    } else if (col instanceof IntColumn) {
                        g.writeNumber(((IntColumn) col).getInt(r));
                    } else if (col instanceof DoubleColumn) {
                        g.writeNumber(plain(((DoubleColumn) col).getDouble(r)));
                    } else if (col instanceof BooleanColumn) {
                        g.writeBoolean(((BooleanColumn) col).get(r));
                    } else {
                        g.writeString(col.getString(r));
                    }
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        out.write('\n');
    }

    static String text(Column<?> col, int row) {
        if (col instanceof LongColumn) {
            return Long.toString(((LongColumn) col).getLong(row));
        }
        if (col instanceof IntColumn) {
            return Integer.toString(((IntColumn) col).getInt(row));
        }
        if (col instanceof DoubleColumn) {
            return plain(((DoubleColumn) col).getDouble(row)).toPlainString();
        }
        if (col instanceof BooleanColumn) {
            return Boolean.toString(((BooleanColumn) col).get(row));
        }
        return col.getString(row);
    }

    /** The shortest decimal that reads back as the same double, without exponent ({@code 1.0} for 1). */
    static BigDecimal plain(double value) {
        BigDecimal d = new BigDecimal(Double.toString(value));
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    private static String csvField(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
