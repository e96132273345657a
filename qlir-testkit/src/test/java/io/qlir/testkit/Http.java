package io.qlir.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** A bare HTTP client for checking the fake from outside (no qlir client involved). */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final OkHttpClient CLIENT = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();

    record Reply(int status, String body, String usedWeight, String retryAfter) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(body, e);
            }
        }
    }

    private Http() {
    }

    static Reply get(FakeBinance fake, String pathAndQuery) throws IOException {
        try (Response r = CLIENT.newCall(new Request.Builder().url(fake.baseUrl() + pathAndQuery).build()).execute()) {
            return new Reply(r.code(), r.body().string(), r.header("X-MBX-USED-WEIGHT-1M"), r.header("Retry-After"));
        }
    }
}
