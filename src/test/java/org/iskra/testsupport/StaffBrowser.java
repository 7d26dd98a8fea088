package org.iskra.testsupport;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A browser for the back office over real HTTP: keeps cookies, follows no redirects, sends CSRF tokens from forms.
 * {@link #logIn} passes every step of the login the way a staff member would: after the password, it sets up the
 * {@link Authenticator} when the enrolment page asks for it (keeping the recovery codes), or types the next code.
 * A dangerous action that asks again who the user is gets the next code (or the password) and is sent again, unless
 * {@link #confirmingAgain(boolean)} turned that off.
 */
public final class StaffBrowser {

    private final CookieManager cookies;
    private final HttpClient client;
    private final int port;
    private String email;
    private String password;
    private boolean confirmingAgain = true;

    public StaffBrowser(int port) {
        this(new CookieManager(), port);
    }

    private StaffBrowser(CookieManager cookies, int port) {
        this.cookies = cookies;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        this.port = port;
    }

    /** The same browser, cookies and all, talking to another node: as a load balancer would send it there. */
    public StaffBrowser onPort(int otherPort) {
        StaffBrowser other = new StaffBrowser(cookies, otherPort);
        other.email = email;
        other.password = password;
        other.confirmingAgain = confirmingAgain;
        return other;
    }

    public HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String form) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (confirmingAgain && email != null && asksAgain(response)) {
            return confirmAgain(response);
        }
        return response;
    }

    /** A POST with a body already encoded, e.g. {@code multipart/form-data; boundary=…}. */
    public HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form POST with more headers ({@code "Accept-Language", "ru"}), never confirmed again. */
    public HttpResponse<String> postWithHeaders(String path, String form, String... headers) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).headers(headers)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token of the first form on a page. */
    public String csrf(String path) throws Exception {
        return Jsoup.parse(get(path).body()).select("input[name=_csrf]").attr("value");
    }

    /**
     * Logs in through every step. The answer is the last redirect: to the page asked for (usually {@code /admin/})
     * when the login is complete, to the login page with the reason when it is refused, or to a step this browser
     * does not take by itself ({@code /admin/new-password}).
     */
    public HttpResponse<String> logIn(String email, String password) throws Exception {
        HttpResponse<String> response = logInWithPasswordOnly(email, password);
        String location = location(response);
        if (location.endsWith("/admin/second-factor/enrol")) {
            return enrol(email);
        }
        if (location.endsWith("/admin/second-factor")) {
            return typeCode(Authenticator.nextCode(email));
        }
        return response;
    }

    /** Only the password step: the answer sends the session on to its next step. */
    public HttpResponse<String> logInWithPasswordOnly(String email, String password) throws Exception {
        this.email = email;
        this.password = password;
        String token = csrf("/admin/login");
        return post("/admin/login", "_csrf=" + encode(token) + "&email=" + encode(email) + "&password=" + encode(password));
    }

    /** Types a code (or a recovery code) at the second step. */
    public HttpResponse<String> typeCode(String code) throws Exception {
        String token = csrf("/admin/second-factor");
        return post("/admin/second-factor", "_csrf=" + encode(token) + "&code=" + encode(code));
    }

    /** Sets up the authenticator app from the enrolment page, keeps the recovery codes, and goes on. */
    public HttpResponse<String> enrol(String email) throws Exception {
        Document page = Jsoup.parse(get("/admin/second-factor/enrol").body());
        Authenticator.add(email, page.select("#secret").text());
        HttpResponse<String> confirmed = post("/admin/second-factor/enrol", "_csrf="
                + encode(page.select("input[name=_csrf]").attr("value")) + "&code=" + encode(Authenticator.nextCode(email)));
        if (!location(confirmed).endsWith("/admin/second-factor/recovery-codes")) {
            return confirmed;
        }
        Document codes = Jsoup.parse(get("/admin/second-factor/recovery-codes").body());
        Authenticator.keepRecoveryCodes(email, codes.select(".recovery-codes code").eachText());
        return post("/admin/second-factor/recovery-codes", "_csrf=" + encode(codes.select("input[name=_csrf]").attr("value")));
    }

    /**
     * Chooses the back office's interface language on the account page, as the staff member would (an empty code
     * goes back to the browser's choice). The public site's language choice no longer reaches the back office.
     */
    public HttpResponse<String> chooseInterfaceLanguage(String code) throws Exception {
        return post("/admin/account/language", "_csrf=" + encode(csrf("/admin/account")) + "&language=" + encode(code));
    }

    /** Whether dangerous actions are confirmed by themselves (true, the default). */
    public StaffBrowser confirmingAgain(boolean confirming) {
        this.confirmingAgain = confirming;
        return this;
    }

    /** Whether this answer is the page asking who the user is before a dangerous action. */
    public static boolean asksAgain(HttpResponse<String> response) {
        return response.statusCode() == 200 && response.body().contains("data-reauthenticate");
    }

    private HttpResponse<String> confirmAgain(HttpResponse<String> asking) throws Exception {
        Element form = Jsoup.parse(asking.body()).selectFirst("form[data-reauthenticate]");
        StringJoiner fields = new StringJoiner("&");
        for (Element input : form.select("input[type=hidden]")) {
            fields.add(encode(input.attr("name")) + "=" + encode(input.attr("value")));
        }
        if (!form.select("#reauth-code").isEmpty() && Authenticator.knows(email)) {
            fields.add("reauth-code=" + encode(Authenticator.nextCode(email)));
        } else {
            fields.add("reauth-password=" + encode(password));
        }
        URI action = URI.create(form.attr("action"));
        return client.send(HttpRequest.newBuilder(uri(action.toString()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of a cookie this browser keeps, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    public static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
