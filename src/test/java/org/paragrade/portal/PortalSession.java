package org.paragrade.portal;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like session for page tests: form login, cookies kept, CSRF token read from the last page's forms. */
public final class PortalSession {
    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    final Map<String, String> cookies = new HashMap<>();
    String token;

    public static PortalSession login(String user, String password) {
        PortalSession s = new PortalSession();
        Response r = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", user).formParam("j_password", password)
                .post("/j_security_check");
        if (r.statusCode() != 302 || r.getCookie("paragrade-session") == null) {
            throw new AssertionError("login of " + user + " failed: " + r.statusCode());
        }
        s.cookies.putAll(r.getCookies());
        return s;
    }

    public static PortalSession as(String user) {
        return login(user, user);
    }

    RequestSpecification request() {
        return given().redirects().follow(false).cookies(cookies);
    }

    /** GET a page, remembering new cookies and the form token it carries. */
    public Response get(String path) {
        Response r = request().get(path);
        keep(r);
        return r;
    }

    public Response postForm(String path, Map<String, String> fields) {
        var spec = request().contentType("application/x-www-form-urlencoded; charset=UTF-8");
        fields.forEach(spec::formParam);
        if (token != null && !fields.containsKey("csrf-token")) {
            spec.formParam("csrf-token", token);
        }
        Response r = spec.post(path);
        keep(r);
        return r;
    }

    void keep(Response r) {
        r.getCookies().forEach((k, v) -> {
            if (v == null || v.isEmpty()) {
                cookies.remove(k);
            } else {
                cookies.put(k, v);
            }
        });
        Matcher m = TOKEN.matcher(r.asString());
        if (m.find()) {
            token = m.group(1);
        }
    }
}
