package org.iskra.newsletter;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Posts the subscription form as a browser would, with a token issued long enough ago; and the links' POSTs. */
final class NewsletterClient {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;
    private final NewsletterFormTokens tokens;

    NewsletterClient(int port, NewsletterFormTokens tokens) {
        this.port = port;
        this.tokens = tokens;
    }

    static String uniqueEmail(String who) {
        return who + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    String token() {
        return tokens.issue(Instant.now().minusSeconds(10));
    }

    /** The form's fields: email, the languages, then any more name/value pairs. */
    static List<Map.Entry<String, String>> form(String email, List<String> languages, String... more) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        fields.add(Map.entry("email", email));
        languages.forEach(l -> fields.add(Map.entry("language", l)));
        for (int i = 0; i + 1 < more.length; i += 2) {
            fields.add(Map.entry(more[i], more[i + 1]));
        }
        return fields;
    }

    HttpResponse<String> subscribe(String lang, String email, List<String> languages, String... more) {
        List<Map.Entry<String, String>> fields = form(email, languages, more);
        if (fields.stream().noneMatch(f -> f.getKey().equals("token"))) {
            fields.add(Map.entry("token", token()));
        }
        return post("/" + lang + "/newsletter", fields);
    }

    HttpResponse<String> post(String path, List<Map.Entry<String, String>> fields, String... headers) {
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> field : fields) {
            body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8));
        }
        return postRaw(path, "application/x-www-form-urlencoded", body.toString(), headers);
    }

    HttpResponse<String> postRaw(String pathOrUrl, String contentType, String body, String... headers) {
        // links in mail name the configured base URL; the test application listens on its own port
        String path = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl).getRawPath() : pathOrUrl;
        URI uri = URI.create("http://localhost:" + port + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
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
