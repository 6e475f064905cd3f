package org.paragrade.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.paragrade.portal.PortalSession;
import org.paragrade.testing.Api;

/**
 * Health and metrics answer with real values, without logging in, on the management port only: the public
 * port shows neither to anyone, logged in or not.
 */
@QuarkusTest
class OperationsTest {
    @TestHTTPResource(value = "/", management = true)
    URL management;

    /** The management interface's scheme, host and port (the injected URL ends in its root path, /q). */
    private String managementOrigin() {
        return management.getProtocol() + "://" + management.getHost() + ":" + management.getPort();
    }

    @Test
    void readinessCoversDatabaseSandboxAndQueue() {
        Api.submit("alice", "primes", "solution.py", "def count_primes(limit, workers):\n    return 0\n");
        given().baseUri(managementOrigin()).get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItems("sandbox", "queue"))
                .body("checks.find { it.name == 'queue' }.data.queued", greaterThanOrEqualTo(1));
        given().baseUri(managementOrigin()).get("/q/health/live").then().statusCode(200);
    }

    @Test
    void prometheusMetricsShowTheQueue() {
        given().baseUri(managementOrigin()).get("/q/metrics").then().statusCode(200)
                .body(containsString("paragrade_queue_depth"))
                .body(containsString("paragrade_queue_oldest_age_seconds"));
    }

    @Test
    void thePublicPortShowsNeitherHealthNorMetrics() {
        for (String path : new String[] {"/q/metrics", "/q/health/ready", "/q/health"}) {
            // anonymous: the portal's login, as for any page
            given().redirects().follow(false).get(path).then().statusCode(not(200))
                    .body(not(containsString("paragrade_queue_depth")), not(containsString("\"checks\"")));
            // logged in, even as an instructor: there is no such page here
            PortalSession.as("instructor").get(path).then().statusCode(404)
                    .body(not(containsString("paragrade_queue_depth")));
        }
        // the management port itself listens on loopback only: from the host's own network address it is shut
        java.net.InetAddress outside = nonLoopbackAddress();
        if (outside != null) {
            try (var socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress(outside, management.getPort()), 2000);
                throw new AssertionError("the management port answered on " + outside);
            } catch (java.io.IOException refused) {
                // expected: nothing listens there
            }
        }
        // the OpenAPI document stays public on the main port (DESIGN.md)
        given().get("/q/openapi").then().statusCode(200).body(containsString("openapi"));
    }

    /** An address of this host that is not loopback (the one a neighbour on the network would use), if any. */
    private static java.net.InetAddress nonLoopbackAddress() {
        try {
            return java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                    .flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
                    .filter(a -> a instanceof java.net.Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                    .findFirst().orElse(null);
        } catch (java.net.SocketException e) {
            return null;
        }
    }
}
