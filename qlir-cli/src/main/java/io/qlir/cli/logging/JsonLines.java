package io.qlir.cli.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Context;
import ch.qos.logback.core.encoder.Encoder;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import net.logstash.logback.composite.AbstractFieldJsonProvider;
import net.logstash.logback.composite.GlobalCustomFieldsJsonProvider;
import net.logstash.logback.composite.loggingevent.KeyValuePairsJsonProvider;
import net.logstash.logback.composite.loggingevent.LogLevelJsonProvider;
import net.logstash.logback.composite.loggingevent.LoggerNameJsonProvider;
import net.logstash.logback.composite.loggingevent.LoggingEventFormattedTimestampJsonProvider;
import net.logstash.logback.composite.loggingevent.LoggingEventJsonProviders;
import net.logstash.logback.composite.loggingevent.LoggingEventThreadNameJsonProvider;
import net.logstash.logback.composite.loggingevent.MdcJsonProvider;
import net.logstash.logback.composite.loggingevent.MessageJsonProvider;
import net.logstash.logback.composite.loggingevent.StackTraceJsonProvider;
import net.logstash.logback.encoder.LoggingEventCompositeJsonEncoder;

/**
 * The JSON-lines encoder of the job files, built from logstash-logback-encoder's providers so that field names
 * and order are fixed: {@code timestamp, level, pid, job, thread, logger, message}, then other MDC entries,
 * key-value pairs and {@code stack_trace}. Flat fields, one object per line: what Loki/Promtail, Vector or
 * {@code jq} expect.
 */
final class JsonLines {

    private JsonLines() {
    }

    static Encoder<ILoggingEvent> encoder(Context context) {
        LoggingEventJsonProviders providers = new LoggingEventJsonProviders();

        LoggingEventFormattedTimestampJsonProvider timestamp = new LoggingEventFormattedTimestampJsonProvider();
        timestamp.setFieldName("timestamp");
        timestamp.setTimeZone("UTC");
        providers.addTimestamp(timestamp);

        LogLevelJsonProvider level = new LogLevelJsonProvider();
        level.setFieldName("level");
        providers.addLogLevel(level);

        GlobalCustomFieldsJsonProvider<ILoggingEvent> pid = new GlobalCustomFieldsJsonProvider<>();
        ObjectNode pidNode = JsonNodeFactory.instance.objectNode().put("pid", ProcessHandle.current().pid());
        pid.setCustomFieldsNode(pidNode);
        providers.addProvider(pid);

        providers.addProvider(new JobJsonProvider());

        LoggingEventThreadNameJsonProvider thread = new LoggingEventThreadNameJsonProvider();
        thread.setFieldName("thread");
        providers.addThreadName(thread);

        LoggerNameJsonProvider logger = new LoggerNameJsonProvider();
        logger.setFieldName("logger");
        providers.addLoggerName(logger);

        MessageJsonProvider message = new MessageJsonProvider();
        message.setFieldName("message");
        providers.addMessage(message);

        MdcJsonProvider mdc = new MdcJsonProvider();
        mdc.addExcludeMdcKeyName(Logging.JOB_KEY);
        providers.addMdc(mdc);

        providers.addKeyValuePairs(new KeyValuePairsJsonProvider());

        StackTraceJsonProvider stackTrace = new StackTraceJsonProvider();
        stackTrace.setFieldName("stack_trace");
        providers.addStackTrace(stackTrace);

        LoggingEventCompositeJsonEncoder encoder = new LoggingEventCompositeJsonEncoder();
        encoder.setContext(context);
        encoder.setProviders(providers);
        encoder.start();
        return encoder;
    }

    /** Writes the MDC job, or {@link Logging#DEFAULT_JOB} outside any job, so every line names its job. */
    static final class JobJsonProvider extends AbstractFieldJsonProvider<ILoggingEvent> {

        JobJsonProvider() {
            setFieldName(Logging.JOB_KEY);
        }

        @Override
        public void writeTo(com.fasterxml.jackson.core.JsonGenerator generator, ILoggingEvent event)
                throws IOException {
            Map<String, String> mdc = event.getMDCPropertyMap();
            String job = mdc == null ? null : mdc.get(Logging.JOB_KEY);
            generator.writeStringField(getFieldName(), job == null ? Logging.DEFAULT_JOB : job);
        }
    }
}
