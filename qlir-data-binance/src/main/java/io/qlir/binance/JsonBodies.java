package io.qlir.binance;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming readers for the small JSON bodies: exchangeInfo (which is large on the real exchange, so only the
 * fields used are kept and the rest is skipped), server time, and Binance's error body.
 */
final class JsonBodies {

    private JsonBodies() {
    }

    /** A Binance error body: {@code {"code":-1121,"msg":"Invalid symbol."}}. */
    record ErrorBody(int code, String msg) {
    }

    static ErrorBody error(byte[] body) {
        try (JsonParser p = KlinesParser.JSON.createParser(body)) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                int code = 0;
                String msg = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken v = p.nextToken();
                    if ("code".equals(name) && v == JsonToken.VALUE_NUMBER_INT) {
                        code = p.getIntValue();
                    } else if ("msg".equals(name) && v == JsonToken.VALUE_STRING) {
                        msg = p.getText();
                    } else {
                        p.skipChildren();
                    }
                }
                if (msg != null) {
                    return new ErrorBody(code, msg);
                }
            }
        } catch (IOException e) {
            // not JSON: fall through to the raw text
        }
        String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).strip();
        return new ErrorBody(0, text.isEmpty() ? "(empty body)" : text);
    }

    static Instant serverTime(InputStream in) throws IOException, MalformedResponseException {
        try (JsonParser p = KlinesParser.JSON.createParser(in)) {
            expect(p, JsonToken.START_OBJECT, "a JSON object");
            Long time = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if ("serverTime".equals(name) && v == JsonToken.VALUE_NUMBER_INT) {
                    time = p.getLongValue();
                } else {
                    p.skipChildren();
                }
            }
            if (time == null) {
                throw new MalformedResponseException("no integer serverTime in the time response");
            }
            return Instant.ofEpochMilli(time);
        } catch (StreamReadException e) {
            throw new MalformedResponseException("malformed JSON: " + e.getOriginalMessage(), e);
        }
    }

    static ExchangeInfo exchangeInfo(InputStream in) throws IOException, MalformedResponseException {
        try (JsonParser p = KlinesParser.JSON.createParser(in)) {
            expect(p, JsonToken.START_OBJECT, "a JSON object");
            Long serverTime = null;
            List<SymbolInfo> symbols = null;
            List<RateLimit> limits = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if ("serverTime".equals(name) && v == JsonToken.VALUE_NUMBER_INT) {
                    serverTime = p.getLongValue();
                } else if ("symbols".equals(name) && v == JsonToken.START_ARRAY) {
                    symbols = symbols(p);
                } else if ("rateLimits".equals(name) && v == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        limits.add(rateLimit(p));
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (symbols == null) {
                throw new MalformedResponseException("no symbols array in the exchangeInfo response");
            }
            return new ExchangeInfo(Instant.ofEpochMilli(serverTime == null ? 0 : serverTime), symbols, limits);
        } catch (StreamReadException e) {
            throw new MalformedResponseException("malformed JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static List<SymbolInfo> symbols(JsonParser p) throws IOException, MalformedResponseException {
        List<SymbolInfo> out = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
            String symbol = null;
            String status = null;
            String base = "";
            String quote = "";
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (v == JsonToken.VALUE_STRING) {
                    switch (name) {
                        case "symbol" -> symbol = p.getText();
                        case "status" -> status = p.getText();
                        case "baseAsset" -> base = p.getText();
                        case "quoteAsset" -> quote = p.getText();
                        default -> { }
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (symbol == null || status == null) {
                throw new MalformedResponseException("exchangeInfo symbol #" + out.size() + " has no "
                        + (symbol == null ? "symbol" : "status") + (symbol == null ? "" : " (" + symbol + ")"));
            }
            out.add(new SymbolInfo(symbol, status, base, quote));
        }
        if (t != JsonToken.END_ARRAY) {
            throw new MalformedResponseException("exchangeInfo symbols holds a non-object after " + out.size()
                    + " symbols");
        }
        return out;
    }

    private static RateLimit rateLimit(JsonParser p) throws IOException {
        String type = "";
        String interval = "";
        int num = 0;
        int limit = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "rateLimitType" -> type = p.getValueAsString("");
                case "interval" -> interval = p.getValueAsString("");
                case "intervalNum" -> num = p.getValueAsInt(0);
                case "limit" -> limit = p.getValueAsInt(0);
                default -> { }
            }
            p.skipChildren(); // a no-op for scalars
        }
        return new RateLimit(type, interval, num, limit);
    }

    private static void expect(JsonParser p, JsonToken want, String what)
            throws IOException, MalformedResponseException {
        JsonToken t = p.nextToken();
        if (t != want) {
            throw new MalformedResponseException("expected " + what + ", found " + (t == null ? "an empty body" : t));
        }
    }
}
