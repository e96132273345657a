package io.qlir.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one place an enum's constants become strings and strings become constants, case-sensitively.
 *
 * <p>Why a codec and not {@code valueOf}: wire forms are not Java names ({@code "1m"} vs {@code "1M"},
 * {@code "needs_refresh"}), and a bad value must fail with one message that names it and lists what is valid.
 * <pre>{@code
 * static final WireCodec<Interval> CODEC = WireCodec.of(Interval.class, "interval");
 * Interval i = CODEC.decode("15m");   // Interval.M15
 * CODEC.decode("15M");                // IllegalArgumentException: unknown interval '15M'; valid: 1s, 1m, ...
 * }</pre>
 *
 * @param <E> the enum type
 */
public final class WireCodec<E extends Enum<E> & WireCoded> {

    private final Class<E> type;
    private final String noun;
    private final Map<String, E> byCode;
    private final List<String> codes;

    private WireCodec(Class<E> type, String noun) {
        this.type = type;
        this.noun = noun;
        Map<String, E> map = new HashMap<>();
        List<String> list = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            E previous = map.put(e.wireCode(), e);
            if (previous != null) {
                throw new IllegalStateException(type.getSimpleName() + " has two constants with wire code '"
                        + e.wireCode() + "': " + previous + " and " + e);
            }
            list.add(e.wireCode());
        }
        this.byCode = Map.copyOf(map);
        this.codes = Collections.unmodifiableList(list);
    }

    /**
     * Builds the codec for an enum.
     *
     * @param type the enum class
     * @param noun what a value is called in error messages, for example {@code "interval"}
     * @param <E> the enum type
     * @return the codec
     * @throws IllegalStateException when two constants share a wire code
     */
    public static <E extends Enum<E> & WireCoded> WireCodec<E> of(Class<E> type, String noun) {
        return new WireCodec<>(Objects.requireNonNull(type, "type"), Objects.requireNonNull(noun, "noun"));
    }

    /**
     * The constant for a wire code.
     *
     * @param code the wire form, case-sensitive
     * @return the constant
     * @throws IllegalArgumentException naming the code and listing the valid ones, when it is unknown or null
     */
    public E decode(String code) {
        E e = code == null ? null : byCode.get(code);
        if (e == null) {
            throw new IllegalArgumentException("unknown " + noun + " '" + code + "'; valid: " + String.join(", ", codes));
        }
        return e;
    }

    /**
     * The wire code of a constant.
     *
     * @param value the constant
     * @return its wire code
     */
    public String encode(E value) {
        return Objects.requireNonNull(value, noun).wireCode();
    }

    /**
     * Every valid wire code, in declaration order.
     *
     * @return the codes
     */
    public List<String> codes() {
        return codes;
    }

    /**
     * The enum class this codec serves.
     *
     * @return the enum class
     */
    public Class<E> type() {
        return type;
    }
}
