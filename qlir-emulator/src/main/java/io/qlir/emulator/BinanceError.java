package io.qlir.emulator;

/**
 * An error as Binance answers it: an HTTP status and a body {@code {"code":-1121,"msg":"Invalid symbol."}}.
 * <pre>{@code
 * BinanceError e = new BinanceError(400, -1121, "Invalid symbol.");
 * send(e.httpStatus(), e.json());
 * }</pre>
 *
 * @param httpStatus the HTTP status, for example 400
 * @param code Binance's error code, for example -1121
 * @param msg Binance's message, word for word
 */
public record BinanceError(int httpStatus, int code, String msg) {

    /**
     * The answer to a path Binance does not serve.
     *
     * @param path the request path
     * @return a 404 with code -1
     */
    public static BinanceError notFound(String path) {
        return new BinanceError(404, -1, "Unknown path " + path + ".");
    }

    /**
     * The response body, with the message escaped for JSON.
     *
     * @return {@code {"code":<code>,"msg":"<msg>"}}
     */
    public String json() {
        return "{\"code\":" + code + ",\"msg\":\"" + msg.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    }
}
