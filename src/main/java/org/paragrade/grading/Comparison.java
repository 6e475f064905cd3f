package org.paragrade.grading;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compares a returned value with the expected one (both canonical JSON from the harness) and,
 * when they differ, says where in words a student can act on — without printing the whole
 * expected value (a student must not learn it wholesale from the report).
 */
public final class Comparison {
    private Comparison() {
    }

    /** Null when equal, else the first difference. */
    public static String firstDifference(JsonNode expected, JsonNode actual) {
        return diff("", expected, actual);
    }

    private static String diff(String at, JsonNode exp, JsonNode act) {
        String where = at.isEmpty() ? "the returned value" : at;
        if (act == null || act.isMissingNode()) {
            return where + " is missing";
        }
        if (exp.isNumber() && act.isNumber()) {
            return numbers(where, exp, act);
        }
        if (exp.getNodeType() != act.getNodeType()) {
            return where + " is " + describe(act) + ", expected " + describe(exp);
        }
        if (exp.isArray()) {
            return lists(at, where, exp, act);
        }
        if (exp.isObject()) {
            return dicts(at, where, exp, act);
        }
        return exp.equals(act) ? null : where + " is " + shorten(act.toString()) + ", expected " + shorten(exp.toString());
    }

    /** Integers exactly; floats within a relative 1e-9. */
    private static String numbers(String where, JsonNode exp, JsonNode act) {
        if (exp.isIntegralNumber() && act.isIntegralNumber()) {
            return exp.bigIntegerValue().equals(act.bigIntegerValue()) ? null : where + " is " + act + ", expected " + exp;
        }
        double e = exp.asDouble();
        double a = act.asDouble();
        return Math.abs(e - a) <= 1e-9 * Math.max(1, Math.abs(e)) ? null : where + " is " + act + ", expected " + exp;
    }

    private static String lists(String at, String where, JsonNode exp, JsonNode act) {
        if (exp.size() != act.size()) {
            return where + " has " + act.size() + " items, expected " + exp.size();
        }
        for (int i = 0; i < exp.size(); i++) {
            String d = diff(at + "[" + i + "]", exp.get(i), act.get(i));
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    private static String dicts(String at, String where, JsonNode exp, JsonNode act) {
        TreeSet<String> expKeys = new TreeSet<>();
        exp.fieldNames().forEachRemaining(expKeys::add);
        TreeSet<String> actKeys = new TreeSet<>();
        act.fieldNames().forEachRemaining(actKeys::add);
        for (String k : expKeys) {
            if (!actKeys.contains(k)) {
                return where + " lacks the key " + quote(k) + " (" + act.size() + " keys, expected " + exp.size() + ")";
            }
        }
        for (String k : actKeys) {
            if (!expKeys.contains(k)) {
                return where + " has an unexpected key " + quote(k);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = exp.fields(); it.hasNext(); ) {
            var e = it.next();
            String d = diff(at + "[" + quote(e.getKey()) + "]", e.getValue(), act.get(e.getKey()));
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    private static String describe(JsonNode n) {
        return switch (n.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "a dict";
            // a checker's verify() says in a str why an answer is not what its service served
            case STRING -> "a str (" + shorten(n.toString()) + ")";
            case NUMBER -> "a number";
            case BOOLEAN -> "a bool (" + n + ")";
            case NULL -> "None";
            default -> n.getNodeType().toString().toLowerCase();
        };
    }

    private static String quote(String k) {
        return "'" + shorten(k) + "'";
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
