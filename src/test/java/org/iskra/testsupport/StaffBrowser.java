package org.iskra.testsupport;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;

/** A browser for the back office over real HTTP: keeps cookies, follows no redirects, sends CSRF tokens from forms. */
public final class StaffBrowser {

    private final HttpClient client;
    private final int port;

    public StaffBrowser(int port) {
        this(HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build(), port);
    }

    private StaffBrowser(HttpClient client, int port) {
        this.client = client;
        this.port = port;
    }

    /** The same browser, cookies and all, talking to another node: as a load balancer would send it there. */
    public StaffBrowser onPort(int otherPort) {
        return new StaffBrowser(client, otherPort);
    }

    public HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String form) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST with a body already encoded, e.g. {@code multipart/form-data; boundary=…}. */
    public HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token of the first form on a page. */
    public String csrf(String path) throws Exception {
        return Jsoup.parse(get(path).body()).select("input[name=_csrf]").attr("value");
    }

    public HttpResponse<String> logIn(String email, String password) throws Exception {
        String token = csrf("/admin/login");
        return post("/admin/login", "_csrf=" + encode(token) + "&email=" + encode(email) + "&password=" + encode(password));
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
