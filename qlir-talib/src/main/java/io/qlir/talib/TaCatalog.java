package io.qlir.talib;

import com.tictactec.ta.lib.CoreAnnotated;
import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.meta.annotation.FuncInfo;
import com.tictactec.ta.lib.meta.annotation.InputFlags;
import com.tictactec.ta.lib.meta.annotation.InputParameterInfo;
import com.tictactec.ta.lib.meta.annotation.InputParameterType;
import com.tictactec.ta.lib.meta.annotation.IntegerRange;
import com.tictactec.ta.lib.meta.annotation.OptInputParameterInfo;
import com.tictactec.ta.lib.meta.annotation.OutputParameterInfo;
import com.tictactec.ta.lib.meta.annotation.OutputParameterType;
import com.tictactec.ta.lib.meta.annotation.RealRange;
import io.qlir.core.Candles;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads every function of TA-Lib's Java port from its own metadata: the {@code @FuncInfo}-annotated methods of
 * {@code CoreAnnotated}, whose parameters carry {@code @InputParameterInfo}, {@code @OptInputParameterInfo} (with its
 * {@code @IntegerRange} / {@code @RealRange} / {@code @IntegerList}) and {@code @OutputParameterInfo}.
 */
final class TaCatalog {

    /** TA-Lib's price flags in the order its methods take the arrays, with the candle column each one reads. */
    private static final int[] PRICE_FLAGS = {InputFlags.TA_IN_PRICE_OPEN, InputFlags.TA_IN_PRICE_HIGH,
        InputFlags.TA_IN_PRICE_LOW, InputFlags.TA_IN_PRICE_CLOSE, InputFlags.TA_IN_PRICE_VOLUME,
        InputFlags.TA_IN_PRICE_OPENINTEREST, InputFlags.TA_IN_PRICE_TIMESTAMP};
    private static final String[] PRICE_COLUMNS = {Candles.OPEN, Candles.HIGH, Candles.LOW, Candles.CLOSE,
        Candles.VOLUME, null, null};
    private static final String[] PRICE_NAMES = {"open", "high", "low", "close", "volume", "open interest",
        "timestamp"};

    static final Map<String, TaFunction> FUNCTIONS = discover();

    private TaCatalog() {
    }

    private static Map<String, TaFunction> discover() {
        Map<String, TaFunction> byName = new TreeMap<>();
        for (Method m : CoreAnnotated.class.getDeclaredMethods()) {
            FuncInfo info = m.getAnnotation(FuncInfo.class);
            if (info != null) {
                byName.put(info.name(), read(m, info));
            }
        }
        if (byName.isEmpty()) {
            throw new IllegalStateException("TA-Lib's CoreAnnotated has no @FuncInfo methods; is ta-lib 0.4.0 on the "
                    + "class path?");
        }
        return Collections.unmodifiableMap(byName);
    }

    private static TaFunction read(Method m, FuncInfo info) {
        List<String> inputs = new ArrayList<>();
        List<TaFunction.Slot> slots = new ArrayList<>();
        List<TaOption> options = new ArrayList<>();
        List<TaFunction.Output> outputs = new ArrayList<>();
        List<Class<?>> optionTypes = new ArrayList<>();
        String refusal = null;
        int realInputs = countRealInputs(m);
        int columnArgument = 0;
        Annotation[][] annotations = m.getParameterAnnotations();
        for (int p = 0; p < annotations.length; p++) {
            for (Annotation a : annotations[p]) {
                if (a instanceof InputParameterInfo in) {
                    if (in.type() == InputParameterType.TA_Input_Price) {
                        for (int k = 0; k < PRICE_FLAGS.length; k++) {
                            if ((in.flags() & PRICE_FLAGS[k]) != 0) {
                                inputs.add(PRICE_NAMES[k]);
                                slots.add(new TaFunction.Slot(PRICE_COLUMNS[k], -1));
                                if (PRICE_COLUMNS[k] == null) {
                                    refusal = "it reads " + PRICE_NAMES[k] + ", which qlir's candles do not have";
                                }
                            }
                        }
                    } else if (in.type() == InputParameterType.TA_Input_Real) {
                        inputs.add(realName(in.paramName(), realInputs));
                        slots.add(new TaFunction.Slot(null, columnArgument++));
                    } else {
                        inputs.add(realName(in.paramName(), realInputs));
                        slots.add(new TaFunction.Slot(null, columnArgument++));
                        refusal = "its input " + in.paramName() + " is an integer series, which qlir does not supply";
                    }
                } else if (a instanceof OptInputParameterInfo opt) {
                    TaOption o = option(opt, annotations[p], m.getParameterTypes()[p]);
                    if (o == null) {
                        refusal = "its option " + opt.paramName() + " is of a kind qlir does not read ("
                                + opt.type() + ")";
                    } else {
                        options.add(o);
                        optionTypes.add(m.getParameterTypes()[p]);
                    }
                } else if (a instanceof OutputParameterInfo out) {
                    outputs.add(new TaFunction.Output(outputName(out.paramName()),
                            out.type() == OutputParameterType.TA_Output_Integer));
                }
            }
        }
        Method lookback = lookbackMethod(m, optionTypes);
        if (lookback == null && refusal == null) {
            refusal = "TA-Lib has no " + m.getName() + "Lookback method matching its options";
        }
        return new TaFunction(info.name(), info.group(), info.flags(), inputs, slots, options, outputs, m, lookback,
                refusal);
    }

    private static int countRealInputs(Method m) {
        int n = 0;
        for (Annotation[] as : m.getParameterAnnotations()) {
            for (Annotation a : as) {
                if (a instanceof InputParameterInfo in && in.type() != InputParameterType.TA_Input_Price) {
                    n++;
                }
            }
        }
        return n;
    }

    private static TaOption option(OptInputParameterInfo opt, Annotation[] onParam, Class<?> type) {
        String name = snake(opt.paramName().replaceFirst("^optIn", ""));
        for (Annotation a : onParam) {
            if (a instanceof IntegerRange r && type == int.class) {
                return new TaOption(name, opt.displayName(), TaOption.Kind.INTEGER, r.defaultValue(), r.min(),
                        r.max());
            }
            if (a instanceof RealRange r && type == double.class) {
                return new TaOption(name, opt.displayName(), TaOption.Kind.REAL, r.defaultValue(), r.min(), r.max());
            }
            if (a instanceof com.tictactec.ta.lib.meta.annotation.IntegerList l && type == MAType.class) {
                return new TaOption(name, opt.displayName(), TaOption.Kind.MA_TYPE, l.defaultValue(), 0,
                        MAType.values().length - 1);
            }
        }
        return null;
    }

    private static Method lookbackMethod(Method m, List<Class<?>> optionTypes) {
        try {
            return CoreAnnotated.class.getMethod(m.getName() + "Lookback", optionTypes.toArray(new Class<?>[0]));
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** {@code inReal} is {@code real}; with several real inputs {@code inReal0} is {@code real0}. */
    private static String realName(String paramName, int realInputs) {
        String n = paramName.replaceFirst("^in", "").toLowerCase(Locale.ROOT);
        return realInputs == 1 ? "real" : n;
    }

    /** {@code outFastK} is {@code fastk}; {@code outRealUpperBand} is {@code upperband}; {@code outReal} is real. */
    static String outputName(String paramName) {
        String n = paramName.replaceFirst("^out", "");
        if (n.startsWith("Real") && n.length() > "Real".length()) {
            n = n.substring("Real".length());
        }
        return n.toLowerCase(Locale.ROOT);
    }

    /** {@code TimePeriod} is {@code time_period}, {@code FastK_Period} {@code fast_k_period}, {@code MAType} {@code ma_type}. */
    static String snake(String camel) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            boolean boundary = Character.isUpperCase(c) && i > 0 && (Character.isLowerCase(camel.charAt(i - 1))
                    || i + 1 < camel.length() && Character.isUpperCase(camel.charAt(i - 1))
                    && Character.isLowerCase(camel.charAt(i + 1)));
            if (boundary && sb.charAt(sb.length() - 1) != '_') {
                sb.append('_');
            }
            sb.append(Character.toLowerCase(c));
        }
        return sb.toString();
    }
}
