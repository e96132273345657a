package io.qlir.cli.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code qlir.json}: a JSON object whose keys are the {@linkplain Setting#jsonKey() JSON keys} of the
 * settings (nested objects for dotted keys). Values are strings or numbers; an unknown key is an error, so a typo
 * never goes unnoticed.
 */
final class ConfigFile {

    /** The file looked for in the working directory when no {@code --config} is given. */
    static final String DEFAULT_NAME = "qlir.json";

    /** Duplicate keys are refused: the last one silently winning hides a typo or a merge accident. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private ConfigFile() {
    }

    static Map<Setting, String> read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("config file " + file + " does not exist");
        } catch (JacksonException e) {
            throw new IllegalArgumentException("config file " + file + " is not valid JSON: "
                    + e.getOriginalMessage() + locationOf(e));
        } catch (IOException e) {
            throw new IllegalArgumentException("config file " + file + " cannot be read: " + e, e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("config file " + file + " must hold a JSON object, for example "
                    + "{\"dataRoot\": \"~/qlir_data\", \"logProfile\": \"prod\"}");
        }
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        collect(file, "", root, values);
        return values;
    }

    private static void collect(Path file, String prefix, JsonNode object, Map<Setting, String> values) {
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String key = prefix + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject() && isPrefix(key + ".")) {
                collect(file, key + ".", value, values);
                continue;
            }
            Setting setting = byJsonKey(key);
            if (setting == null) {
                throw new IllegalArgumentException("unknown key '" + key + "' in config file " + file
                        + "; valid keys: " + String.join(", ", validKeys()));
            }
            boolean numeric = setting.defaultText().chars().allMatch(Character::isDigit);
            if (!(value.isTextual() || numeric && value.isIntegralNumber())) {
                throw new IllegalArgumentException("key '" + key + "' in config file " + file + " must be "
                        + (numeric ? "a whole number" : "a string") + ", for example \"" + key + "\": "
                        + (numeric ? setting.defaultText() : "\"" + setting.defaultText() + "\"") + "; got "
                        + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + value);
            }
            values.put(setting, value.asText());
        }
    }

    private static boolean isPrefix(String prefix) {
        for (Setting s : Setting.values()) {
            if (s.jsonKey().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static Setting byJsonKey(String key) {
        for (Setting s : Setting.values()) {
            if (s.jsonKey().equals(key)) {
                return s;
            }
        }
        return null;
    }

    private static List<String> validKeys() {
        List<String> keys = new ArrayList<>();
        for (Setting s : Setting.values()) {
            keys.add(s.jsonKey());
        }
        return keys;
    }

    private static String locationOf(JacksonException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }
}
