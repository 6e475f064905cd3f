package org.paragrade.testing;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs an independent validator (npm's {@code @apidevtools/swagger-parser}, pinned by
 * {@code src/test/openapi/package-lock.json}) on the document the server serves at
 * {@code /q/openapi}, and checks real answers against the schemas it declares for them. The
 * package is installed with {@code npm ci} into {@code target/openapi-check} the first time.
 */
public final class OpenApiCheck {
    private static final Path SOURCE = Path.of("src/test/openapi");
    private static final Path WORK = Path.of("target/openapi-check");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArrayNode answers = JSON.createArrayNode();

    /** Records an answer to check: e.g. {@code "get /api/submissions/{id}"}, {@code 200}, its JSON body. */
    public OpenApiCheck answer(String operation, int status, String body) {
        try {
            answers.addObject().put("operation", operation).put("status", Integer.toString(status))
                    .set("body", JSON.readTree(body));
        } catch (IOException e) {
            throw new IllegalArgumentException(body, e);
        }
        return this;
    }

    /** The document as served (anonymously), validated, and every recorded answer checked; returns node's report. */
    public String run() throws Exception {
        String document = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        install();
        Path doc = Files.writeString(WORK.resolve("served-openapi.json"), document, StandardCharsets.UTF_8);
        Path list = WORK.resolve("answers.json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(list.toFile(), answers);
        Result r = run(List.of("node", "validate.mjs", doc.getFileName().toString(), list.getFileName().toString()),
                120);
        if (r.exit != 0) {
            throw new AssertionError("The OpenAPI check failed (document kept in " + doc + "):\n" + r.output);
        }
        return r.output;
    }

    private static synchronized void install() throws Exception {
        Files.createDirectories(WORK);
        boolean changed = false;
        for (String name : List.of("package.json", "package-lock.json", "validate.mjs")) {
            Path target = WORK.resolve(name);
            byte[] wanted = Files.readAllBytes(SOURCE.resolve(name));
            if (!Files.exists(target) || !java.util.Arrays.equals(Files.readAllBytes(target), wanted)) {
                Files.copy(SOURCE.resolve(name), target, StandardCopyOption.REPLACE_EXISTING);
                changed = true;
            }
        }
        if (changed || !Files.isDirectory(WORK.resolve("node_modules/@apidevtools/swagger-parser"))) {
            Result r = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"), 300);
            if (r.exit != 0) {
                throw new AssertionError("npm ci failed in " + WORK + ":\n" + r.output);
            }
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command, int timeoutSeconds) throws Exception {
        Path log = Files.createTempFile("openapi-check", ".log");
        try {
            Process p = new ProcessBuilder(command).directory(WORK.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(command + " did not finish in " + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
