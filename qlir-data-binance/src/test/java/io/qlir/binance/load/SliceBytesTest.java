package io.qlir.binance.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qlir.data.file.SliceFileException;
import io.qlir.data.file.SliceScan;
import io.qlir.testkit.BinanceRecordings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader's byte parser against the real recordings and against Jackson: every cell of every row equals what
 * Jackson's tree gives, with decimal strings through {@link Double#parseDouble} (computed here, independently), and
 * every malformed or truncated file is one {@link SliceFileException} naming the file.
 */
class SliceBytesTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Path FILE = Path.of("responses", "0123456789abcdef0123456789abcdef.json");
    static final String META = "{\"slice_id\":\"x\",\"data_sha256\":\"abc\",\"nested\":{\"a\":[1,2.5e3,true,null]}}";
    static final String ROW = "[1359216000000,\"36949.82000000\",\"36950.22000000\",\"36939.15000000\","
            + "\"36940.61000000\",\"1.25000000\",1359216059999,\"25000.00000000\",17,\"0.60000000\","
            + "\"12000.00000000\",\"0\"]";

    @TempDir
    Path tmp;

    @Test
    void everyCellOfTheRealRecordingsEqualsJacksonAndParseDouble() throws Exception {
        for (String name : BinanceRecordings.NAMES) {
            byte[] data = BinanceRecordings.bytes(name);
            assertSameAsJackson(name, sliceFile("{\"meta\":" + META + ",\"data\":", data, "}\n"), data);
        }
    }

    @Test
    void thePythonQlirsPrettyPrintedFileReadsTheSameAsJackson() throws Exception {
        Path file = BinanceRecordings.pythonQlirSliceFile(tmp);
        byte[] bytes = Files.readAllBytes(file);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\n      \"4986.23000000\",");
        assertSameAsJackson("python-qlir", bytes, JSON.writeValueAsBytes(JSON.readTree(bytes).get("data")));
        SliceBytes in = new SliceBytes(bytes, file);
        assertThat(metaSha(in)).isNull(); // the Python qlir writes no data_sha256
    }

    @Test
    void decimalsInEveryFormEqualParseDouble() throws Exception {
        String[] texts = {"0", "-0", "0.0", "-0.00000000", "0.00000000", "1.", ".5", "+3.25", "00012.5000",
            "1234567.12345678", "12345678.12345678", "123456789.12345678", "9999999.99999999", "0.00000001",
            "36949.8200000", "36949.820000000", "9007199254740993", "123456789012345678901234.5",
            "0.0000000000000000000000012345", "1e5", "1.5E-3", "-2.5e+10", "NaN", "Infinity", "-Infinity", "0x1p3",
            "1.5d", "2f", " 1.5", "1.5 ", "-36949.82000000", "+36949.82000000", "5889965.47843451"};
        StringBuilder rows = new StringBuilder("[");
        for (int i = 0; i < texts.length; i++) {
            rows.append(i == 0 ? "" : ",").append(row(i, "\"" + texts[i] + "\""));
        }
        List<double[]> read = readRows(bytes("{\"data\":" + rows + "]}"));
        for (int i = 0; i < texts.length; i++) {
            for (int c = 0; c < 8; c++) {
                assertThat(Double.doubleToRawLongBits(read.get(i)[c]))
                        .as("%s in column %d", texts[i], c)
                        .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(texts[i])));
            }
        }
    }

    @Test
    void jsonNumbersNullsAndEscapesAreReadAsJacksonReadsThem() throws Exception {
        String[] values = {"1.5", "-2.25", "1e5", "1.5E-3", "12345678901234567890123", "0", "36949.82",
            "\"\\u0031.5\"", "\"3\\u002e25\""};
        StringBuilder rows = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            rows.append(i == 0 ? "" : ",").append(row(i, values[i]));
        }
        byte[] data = (rows + "]").getBytes(StandardCharsets.UTF_8);
        assertSameAsJackson("numbers", sliceFile("{\"data\":", data, "}"), data);
        List<double[]> read = readRows(bytes("{\"data\":[" + row(0, "null") + "]}"));
        assertThat(read.get(0)[0]).isNaN();
    }

    @Test
    void whitespaceAnywhereBetweenTokensReadsTheSame() throws Exception {
        String spaced = ROW.replace(",", " ,\t").replace("[", "[\r\n ").replace("]", " \n]");
        byte[] data = ("[ " + spaced + " ,\n" + ROW + "\t]").getBytes(StandardCharsets.UTF_8);
        byte[] file = sliceFile("\n {\t\"meta\" :\r\n" + META + " , \"data\"\n:", data, " }\n\n");
        assertSameAsJackson("spaced", file, data);
        assertThat(metaSha(new SliceBytes(file, FILE))).isEqualTo("abc");
    }

    @Test
    void stringsOfEveryLengthWithQuotesAndBackslashesEscapedAreSkippedExactly() throws Exception {
        for (int n = 0; n < 20; n++) {
            for (String escape : new String[] {"", "\\\"", "\\\\", "\\u00e9", "é"}) {
                String ignore = "\"" + "x".repeat(n) + escape + "y".repeat(n % 9) + "\"";
                String text = "{\"meta\":{\"k\":" + ignore + "},\"data\":[" + ROW.replace("\"0\"]", ignore + "]")
                        + "," + ROW + "]," + "\"z\":" + ignore + "}";
                byte[] data = ("[" + ROW.replace("\"0\"]", ignore + "]") + "," + ROW + "]")
                        .getBytes(StandardCharsets.UTF_8);
                assertSameAsJackson(text, bytes(text), data);
            }
        }
    }

    @Test
    void integersComeFromNumbersOrStringsAndRejectFractions() throws Exception {
        List<long[]> ints = readIntegers(bytes("{\"data\":[[\"1359216000000\",\"1\",\"1\",\"1\",\"1\",\"1\","
                + "1359216059999,\"1\",\"17\",\"1\",\"1\"],[123456789012345678,\"1\",\"1\",\"1\",\"1\",\"1\","
                + "-5,\"1\",0,\"1\",\"1\"]]}"));
        assertThat(ints.get(0)).containsExactly(1359216000000L, 1359216059999L, 17L);
        assertThat(ints.get(1)).containsExactly(123456789012345678L, -5L, 0L);
        assertRowRefused("1359216059999", "1359216059999.0",
                "row 0: close_time is 1359216059999.0, not an integer");
        assertRowRefused(",17,", ",1.7e1,", "row 0: trades is 1.7e1, not an integer");
        assertRowRefused(",17,", ",\"x\",", "row 0: trades is \"x\", not an integer");
        assertRowRefused("1359216000000", "99999999999999999999",
                "row 0: open_time is 99999999999999999999, outside a long's range");
    }

    @Test
    void garbageIsOneErrorNamingTheFileTheRowAndWhatWasFound() {
        assertRefused("x" + ROW, SliceScan.Problem.MALFORMED, "the file is not a JSON object (it starts with 'x')");
        assertRefused("", SliceScan.Problem.ZERO_BYTE, "the file is empty");
        assertRefused("{\"data\":[" + ROW + "," + ROW.replace("\"36950.22000000\"", "\"abc\"") + "]}",
                SliceScan.Problem.BAD_ROWS, "row 1: high is \"abc\", not a number");
        assertRowRefused("\"36950.22000000\"", "true", "row 0: high is true, not a number");
        assertRowRefused("\"36950.22000000\"", "\"1,5\"", "row 0: high is \"1,5\", not a number");
        assertRowRefused("\"0\"]", "tru]", "row 0: found 't' at byte");
        assertRowRefused("17", "017", "without leading zeros");
        assertRowRefused("\"1.25000000\"", "1.", "a digit after a decimal point");
        assertRefused("{\"data\":[[1359216000000,\"1\"]]}", SliceScan.Problem.BAD_ROWS,
                "row 0: the row has 2 elements; valid: at least 11");
        assertRefused("{\"data\":[[]]}", SliceScan.Problem.BAD_ROWS, "row 0: the row is empty");
        assertRefused("{\"data\":[" + ROW + ",{\"a\":1}]}", SliceScan.Problem.BAD_ROWS,
                "row 1: the row is '{', not an array");
        assertRefused("{\"data\":[" + ROW + " " + ROW + "]}", SliceScan.Problem.BAD_ROWS,
                "row 0: found '[' at byte");
        assertRowRefused("\"0\"", "\"a\tb\"", "no control character inside a string");
        assertRefused("{\"data\":[" + ROW + "]} x", SliceScan.Problem.MALFORMED,
                "unexpected 'x' after the top-level object");
        assertRefused("{\"meta\":{\"a\":1,}, \"data\":[" + ROW + "]}", SliceScan.Problem.MALFORMED,
                "found '}' at byte 15; valid: a field name in quotes");
        assertRefused("{\"meta\" {}}", SliceScan.Problem.MALFORMED, "':' after a field name");
    }

    @Test
    void everyTruncationOfAFileIsOneErrorNamingTheFile() throws Exception {
        byte[] whole = sliceFile("{\"meta\":" + META + ",\"data\":", ("[" + ROW + ",\n " + ROW + "]")
                .getBytes(StandardCharsets.UTF_8), "}");
        assertThat(readRows(whole)).hasSize(2);
        for (int n = 0; n < whole.length; n++) {
            byte[] cut = java.util.Arrays.copyOf(whole, n);
            assertThatThrownBy(() -> readRows(cut)).as("first %d bytes", n)
                    .isInstanceOfSatisfying(SliceFileException.class, e -> {
                        assertThat(e.file()).isEqualTo(FILE);
                        assertThat(e.getMessage()).contains(FILE.toString()).contains("valid: {\"meta\"");
                    });
        }
        assertThatThrownBy(() -> readRows(java.util.Arrays.copyOf(whole, whole.length - 40)))
                .isInstanceOfSatisfying(SliceFileException.class, e -> {
                    assertThat(e.problem()).isEqualTo(SliceScan.Problem.TRUNCATED);
                    assertThat(e.getMessage()).contains("the JSON ends early at byte " + (whole.length - 40)
                            + " (in row 1 of data)");
                });
    }

    /** Parses a file with {@link SliceBytes} and Jackson and compares every cell of the data array. */
    private static void assertSameAsJackson(String what, byte[] file, byte[] data) throws IOException {
        JsonNode rows = JSON.readTree(data);
        List<double[]> decimals = readRows(file);
        List<long[]> integers = readIntegers(file);
        assertThat(decimals).as(what).hasSize(rows.size());
        int[] decimalFields = {1, 2, 3, 4, 5, 7, 9, 10};
        int[] integerFields = {0, 6, 8};
        for (int r = 0; r < rows.size(); r++) {
            JsonNode row = rows.get(r);
            for (int c = 0; c < decimalFields.length; c++) {
                JsonNode v = row.get(decimalFields[c]);
                double expected = v.isTextual() ? Double.parseDouble(v.textValue()) : v.doubleValue();
                assertThat(Double.doubleToRawLongBits(decimals.get(r)[c])).as("%s row %d field %d (%s)", what, r,
                        decimalFields[c], v).isEqualTo(Double.doubleToRawLongBits(expected));
            }
            for (int c = 0; c < integerFields.length; c++) {
                assertThat(integers.get(r)[c]).as("%s row %d field %d", what, r, integerFields[c])
                        .isEqualTo(row.get(integerFields[c]).longValue());
            }
        }
    }

    /** The eight decimals of every row, read the way the loader reads them. */
    static List<double[]> readRows(byte[] file) throws SliceFileException {
        List<double[]> out = new ArrayList<>();
        SliceBytes in = new SliceBytes(file, FILE);
        toData(in);
        in.beginRows();
        while (in.nextRow()) {
            in.integer(0);
            double[] row = new double[8];
            for (int c = 0, f = 1; f <= 10; f++) {
                if (f == 6 || f == 8) {
                    in.integer(f);
                } else {
                    row[c++] = in.decimal(f);
                }
            }
            in.endRow();
            out.add(row);
        }
        finish(in);
        return out;
    }

    /** The three integers of every row. */
    static List<long[]> readIntegers(byte[] file) throws SliceFileException {
        List<long[]> out = new ArrayList<>();
        SliceBytes in = new SliceBytes(file, FILE);
        toData(in);
        in.beginRows();
        while (in.nextRow()) {
            long[] row = new long[3];
            row[0] = in.integer(0);
            for (int f = 1; f <= 5; f++) {
                in.decimal(f);
            }
            row[1] = in.integer(6);
            in.decimal(7);
            row[2] = in.integer(8);
            in.endRow();
            out.add(row);
        }
        finish(in);
        return out;
    }

    /** Moves the cursor to the data array's value (skipping every other field). */
    private static void toData(SliceBytes in) throws SliceFileException {
        in.beginObject();
        for (boolean first = true; in.nextField(first); first = false) {
            if (in.keyIs(SliceBytes.DATA)) {
                return;
            }
            in.skipValue();
        }
        throw new AssertionError("no data");
    }

    private static void finish(SliceBytes in) throws SliceFileException {
        while (in.nextField(false)) {
            in.skipValue();
        }
        in.end();
    }

    private static String metaSha(SliceBytes in) throws SliceFileException {
        in.beginObject();
        String sha = null;
        for (boolean first = true; in.nextField(first); first = false) {
            if (in.keyIs(SliceBytes.META)) {
                in.beginObject();
                for (boolean f = true; in.nextField(f); f = false) {
                    if (in.keyIs(SliceBytes.DATA_SHA256)) {
                        sha = in.stringOrSkip();
                    } else {
                        in.skipValue();
                    }
                }
            } else {
                in.skipValue();
            }
        }
        in.end();
        return sha;
    }

    /** A file of one row, {@link #ROW} with {@code from} replaced by {@code to}, is refused as bad rows. */
    private static void assertRowRefused(String from, String to, String message) {
        assertRefused("{\"data\":[" + ROW.replace(from, to) + "]}", SliceScan.Problem.BAD_ROWS, message);
    }

    private static void assertRefused(String text, SliceScan.Problem problem, String message) {
        assertThatThrownBy(() -> readRows(bytes(text))).as(text)
                .isInstanceOfSatisfying(SliceFileException.class, e -> {
                    assertThat(e.file()).isEqualTo(FILE);
                    assertThat(e.problem()).isEqualTo(problem);
                    assertThat(e.getMessage()).contains(FILE.toString()).contains(message);
                });
    }

    /** A kline row with the same value in each of its eight decimal places. */
    private static String row(int i, String decimal) {
        String d = decimal + ",";
        return "[" + (1359216000000L + i * 60_000L) + "," + d + d + d + d + d + (1359216059999L + i * 60_000L) + ","
                + d + (17 + i) + "," + d + decimal + ",\"0\"]";
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sliceFile(String head, byte[] data, String tail) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes(head));
        out.write(data);
        out.write(bytes(tail));
        return out.toByteArray();
    }
}
