package io.qlir.cli;

import java.util.Map;

/**
 * What {@code qlir config show} says about the AWS credentials {@code qlir push} will use, secrets masked. qlir never
 * stores credentials: the SDK's standard chain finds them (environment, {@code AWS_PROFILE}, instance roles).
 */
final class AwsCredentialsView {

    private AwsCredentialsView() {
    }

    /**
     * One line, for example {@code AWS_ACCESS_KEY_ID=AKIA****WXYZ, AWS_SECRET_ACCESS_KEY=**** (env)}.
     */
    static String describe(Map<String, String> env) {
        String id = env.get("AWS_ACCESS_KEY_ID");
        if (id != null && !id.isBlank()) {
            String secret = env.get("AWS_SECRET_ACCESS_KEY");
            return "AWS_ACCESS_KEY_ID=" + mask(id) + ", AWS_SECRET_ACCESS_KEY="
                    + (secret == null || secret.isBlank() ? "unset" : "****")
                    + (env.containsKey("AWS_SESSION_TOKEN") ? ", AWS_SESSION_TOKEN=****" : "") + " (env)";
        }
        String profile = env.get("AWS_PROFILE");
        if (profile != null && !profile.isBlank()) {
            return "profile '" + profile + "' (env AWS_PROFILE)";
        }
        return "AWS default chain (profile 'default' in ~/.aws, container or instance role)";
    }

    static String mask(String keyId) {
        return keyId.length() <= 8 ? "****" : keyId.substring(0, 4) + "****" + keyId.substring(keyId.length() - 4);
    }
}
