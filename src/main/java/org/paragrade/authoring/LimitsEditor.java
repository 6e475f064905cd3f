package org.paragrade.authoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paragrade.curriculum.BundleRefused;

/**
 * Writes new limits into an {@code exercise.yaml}, keeping the rest of the file (comments
 * included) as the instructor wrote it: the values of the block-style {@code limits:} mapping are
 * replaced in place. A file written another way (flow style, no limits yet) is rewritten whole.
 */
final class LimitsEditor {
    private static final Pattern BLOCK = Pattern.compile("(?m)^limits:[ \\t]*(#.*)?\\n((?:[ \\t]+.*\\n?|[ \\t]*\\n)*)");

    private LimitsEditor() {
    }

    static String withLimits(String yaml, Map<String, Number> limits) {
        Matcher block = BLOCK.matcher(yaml.endsWith("\n") ? yaml : yaml + "\n");
        String text = yaml.endsWith("\n") ? yaml : yaml + "\n";
        if (block.find()) {
            String body = block.group(2);
            String updated = body;
            boolean all = true;
            for (var e : limits.entrySet()) {
                Pattern key = Pattern.compile("(?m)^([ \\t]+" + Pattern.quote(e.getKey()) + ":[ \\t]*)([^#\\n]*?)([ \\t]*(#.*)?)$");
                Matcher m = key.matcher(updated);
                if (m.find()) {
                    updated = updated.substring(0, m.start()) + m.group(1) + format(e.getValue()) + m.group(3)
                            + updated.substring(m.end());
                } else {
                    all = false;
                }
            }
            if (all) {
                return text.substring(0, block.start(2)) + updated + text.substring(block.end(2));
            }
        }
        return rewrite(text, limits);
    }

    private static String rewrite(String yaml, Map<String, Number> limits) {
        try {
            ObjectMapper mapper = new ObjectMapper(new YAMLFactory()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
            ObjectNode root = (ObjectNode) mapper.readTree(yaml);
            ObjectNode l = root.putObject("limits");
            Map<String, Number> ordered = new LinkedHashMap<>(limits);
            ordered.forEach((k, v) -> {
                if (v instanceof Integer i) {
                    l.put(k, i);
                } else {
                    l.put(k, v.doubleValue());
                }
            });
            return mapper.writeValueAsString(root);
        } catch (Exception e) {
            throw new BundleRefused("exercise.yaml could not be updated: " + e.getMessage());
        }
    }

    private static String format(Number n) {
        double d = n.doubleValue();
        if (d == Math.rint(d)) {
            return Long.toString((long) d);
        }
        return String.format(Locale.ROOT, "%s", d);
    }
}
