package org.iskra.join;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Posts the join form to the running application as a browser would, with a form token issued long enough ago. */
final class JoinClient {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;
    private final FormTokens tokens;

    JoinClient(int port, FormTokens tokens) {
        this.port = port;
        this.tokens = tokens;
    }

    /** A valid applicant with unique values, sent from a form served ten seconds ago. */
    Map<String, String> applicant(String country) {
        String key = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "Ольга Тестова " + key);
        form.put("email", "olga." + key + "@example.org");
        form.put("phone", "+7 495 " + key.hashCode() % 1000 + " 77");
        form.put("country", country);
        form.put("city", "Городок " + key);
        form.put("message", "Хочу вступить " + key);
        form.put("consent", "yes");
        form.put("from", "/ru/articles/test");
        form.put("token", token());
        form.put("homepage", "");
        return form;
    }

    String token() {
        return tokens.issue(Instant.now().minusSeconds(10));
    }

    HttpResponse<String> post(String lang, Map<String, String> form, String... headers) {
        StringBuilder body = new StringBuilder();
        form.forEach((name, value) -> {
            if (value != null) {
                body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return postRaw(lang, body.toString().getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded", headers);
    }

    HttpResponse<String> postRaw(String lang, byte[] body, String contentType, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/" + lang + "/join"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
