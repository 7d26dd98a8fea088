package org.iskra.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.iskra.testsupport.Authenticator;
import org.iskra.testsupport.IskraIntegrationTest;
import org.iskra.testsupport.StaffBrowser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every back-office route against every role, from one table, signed in and half-way through the login (password
 * checked, second step not done). A route the table does not list fails the build:
 * whoever adds a route must decide who may use it.
 */
@IskraIntegrationTest
class AuthorizationMatrixTest {

    private static final String PASSWORD = "matrix passphrase for tests";
    private static final String ANONYMOUS = "anonymous";
    private static final String ADMINISTRATOR = "administrator";
    private static final String EDITOR = "editor";
    private static final String AUTHOR = "author";
    private static final String TRANSLATOR_EN = "translator:en";
    private static final String TRANSLATOR_AR = "translator:ar";
    private static final String ORGANIZER = "organizer";
    private static final List<String> EVERYONE = List.of(ANONYMOUS, ADMINISTRATOR, EDITOR, AUTHOR, TRANSLATOR_EN, TRANSLATOR_AR, ORGANIZER);
    private static final List<String> STAFF = List.of(ADMINISTRATOR, EDITOR, AUTHOR, TRANSLATOR_EN, TRANSLATOR_AR, ORGANIZER);

    /** Rules whose probe logs the caller out everywhere: probed after all the others, which need the session. */
    private static final Set<String> ENDS_THE_CALLERS_SESSIONS = Set.of("POST /admin/account/sessions");

    /** The routes of the login's steps after the password: the only ones a session half-way through may use. */
    private static final List<String> SECOND_STEP = List.of("GET /admin/second-factor", "POST /admin/second-factor",
            "GET /admin/second-factor/enrol", "POST /admin/second-factor/enrol", "GET /admin/second-factor/recovery-codes",
            "POST /admin/second-factor/recovery-codes", "POST /admin/second-factor/passkey/options",
            "POST /admin/second-factor/passkey", "GET /admin/new-password", "POST /admin/new-password");

    /** Method and path pattern → who may use it. Paths are probed with lang=en and an unknown slug, id or token. */
    private static final Map<String, List<String>> RULES = new LinkedHashMap<>();

    static {
        RULES.put("GET /admin/login", EVERYONE);
        RULES.put("GET /admin", STAFF);
        RULES.put("GET /admin/", STAFF);
        RULES.put("GET /admin/translations", List.of(ADMINISTRATOR, EDITOR, TRANSLATOR_EN, TRANSLATOR_AR));
        RULES.put("GET /admin/translations.json", List.of(ADMINISTRATOR, EDITOR, TRANSLATOR_EN, TRANSLATOR_AR));
        RULES.put("GET /admin/translations/{lang}/{slug}", List.of(ADMINISTRATOR, EDITOR, TRANSLATOR_EN));
        RULES.put("POST /admin/translations/{lang}/{slug}/up-to-date", List.of(ADMINISTRATOR, EDITOR, TRANSLATOR_EN));
        // organizing: an organizer of another section gets 404 for a request (see FollowUpTest), which counts as allowed here
        RULES.put("GET /admin/audit", List.of(ADMINISTRATOR));
        RULES.put("GET /admin/join", List.of(ADMINISTRATOR, ORGANIZER));
        RULES.put("GET /admin/join/{publicId}", List.of(ADMINISTRATOR, ORGANIZER));
        RULES.put("POST /admin/join/export", List.of(ADMINISTRATOR, ORGANIZER));
        RULES.put("POST /admin/join/{publicId}/status", List.of(ADMINISTRATOR, ORGANIZER));
        RULES.put("POST /admin/join/{publicId}/note", List.of(ADMINISTRATOR, ORGANIZER));
        RULES.put("POST /admin/join/{publicId}/assign", List.of(ADMINISTRATOR, ORGANIZER));
        RULES.put("POST /admin/join/{publicId}/transfer", List.of(ADMINISTRATOR, ORGANIZER));
        RULES.put("POST /admin/join/{publicId}/reply", List.of(ADMINISTRATOR, ORGANIZER));
        RULES.put("GET /admin/sections", List.of(ADMINISTRATOR));
        RULES.put("POST /admin/sections", List.of(ADMINISTRATOR));
        RULES.put("GET /admin/sections/{id}", List.of(ADMINISTRATOR));
        RULES.put("POST /admin/sections/{id}", List.of(ADMINISTRATOR));
        RULES.put("POST /admin/sections/{id}/organizers", List.of(ADMINISTRATOR));
        RULES.put("POST /admin/sections/{id}/replies", List.of(ADMINISTRATOR));
        RULES.put("POST /admin/sections/{id}/delete", List.of(ADMINISTRATOR));
        RULES.put("GET /admin/users", List.of(ADMINISTRATOR));
        RULES.put("GET /admin/users/new", List.of(ADMINISTRATOR));
        RULES.put("POST /admin/users", List.of(ADMINISTRATOR));
        RULES.put("GET /admin/users/{id}", List.of(ADMINISTRATOR));
        RULES.put("POST /admin/users/{id}/roles", List.of(ADMINISTRATOR));
        RULES.put("POST /admin/users/{id}/disable", List.of(ADMINISTRATOR));
        RULES.put("POST /admin/users/{id}/enable", List.of(ADMINISTRATOR));
        RULES.put("POST /admin/users/{id}/sessions", List.of(ADMINISTRATOR));
        RULES.put("POST /admin/users/{id}/invitation", List.of(ADMINISTRATOR));
        RULES.put("POST /admin/users/{id}/second-factor/reset", List.of(ADMINISTRATOR));
        RULES.put("GET /admin/users/second-factor", List.of(ADMINISTRATOR));
        RULES.put("POST /admin/users/second-factor", List.of(ADMINISTRATOR));
        RULES.put("GET /admin/invitation/{token}", EVERYONE);
        RULES.put("POST /admin/invitation/{token}", EVERYONE);
        RULES.put("GET /admin/account", STAFF);
        RULES.put("POST /admin/account/password", STAFF);
        RULES.put("POST /admin/account/sessions", STAFF);
        RULES.put("POST /admin/account/language", STAFF);
        RULES.put("POST /admin/account/recovery-codes", STAFF);
        RULES.put("POST /admin/account/passkeys/options", STAFF);
        RULES.put("POST /admin/account/passkeys", STAFF);
        RULES.put("POST /admin/account/passkeys/{id}/delete", STAFF);
        // the login's later steps: open to a session whose password was checked, signed in or not yet
        for (String step : SECOND_STEP) {
            RULES.put(step, STAFF);
        }
        RULES.put("GET /admin/articles", List.of(ADMINISTRATOR, EDITOR, AUTHOR, TRANSLATOR_EN, TRANSLATOR_AR));
        // a translator starts only translations (from=…) into their languages: probed without, /new is refused
        RULES.put("GET /admin/articles/new", List.of(ADMINISTRATOR, EDITOR, AUTHOR));
        RULES.put("POST /admin/articles/new", List.of(ADMINISTRATOR, EDITOR, AUTHOR));
        RULES.put("POST /admin/articles/preview", List.of(ADMINISTRATOR, EDITOR, AUTHOR, TRANSLATOR_EN, TRANSLATOR_AR));
        RULES.put("POST /admin/articles/figures", List.of(ADMINISTRATOR, EDITOR, AUTHOR, TRANSLATOR_EN, TRANSLATOR_AR));
        RULES.put("GET /admin/articles/{id}", List.of(ADMINISTRATOR, EDITOR, AUTHOR, TRANSLATOR_EN, TRANSLATOR_AR));
        RULES.put("POST /admin/articles/{id}", List.of(ADMINISTRATOR, EDITOR, AUTHOR, TRANSLATOR_EN, TRANSLATOR_AR));
        RULES.put("POST /admin/articles/{id}/autosave", List.of(ADMINISTRATOR, EDITOR, AUTHOR, TRANSLATOR_EN, TRANSLATOR_AR));
        RULES.put("POST /admin/articles/{id}/status", List.of(ADMINISTRATOR, EDITOR, AUTHOR, TRANSLATOR_EN, TRANSLATOR_AR));
        RULES.put("GET /admin/articles/{id}/history", List.of(ADMINISTRATOR, EDITOR, AUTHOR, TRANSLATOR_EN, TRANSLATOR_AR));
        RULES.put("GET /admin/articles/{id}/diff", List.of(ADMINISTRATOR, EDITOR, AUTHOR, TRANSLATOR_EN, TRANSLATOR_AR));
        RULES.put("POST /admin/articles/{id}/restore", List.of(ADMINISTRATOR, EDITOR, AUTHOR, TRANSLATOR_EN, TRANSLATOR_AR));
        // newsletter: counts and sending for those who publish; answering unsubscribe mail is an administrator's
        RULES.put("GET /admin/newsletter", List.of(ADMINISTRATOR, EDITOR));
        RULES.put("GET /admin/newsletter/send/{id}", List.of(ADMINISTRATOR, EDITOR));
        RULES.put("POST /admin/newsletter/send/{id}", List.of(ADMINISTRATOR, EDITOR));
        RULES.put("GET /admin/newsletter/unsubscribe", List.of(ADMINISTRATOR));
        RULES.put("POST /admin/newsletter/unsubscribe", List.of(ADMINISTRATOR));
        // privacy: the rights of data subjects are for administrators only (see DataSubjectRightsTest, LeastPrivilegeTest)
        RULES.put("GET /admin/privacy/subjects", List.of(ADMINISTRATOR));
        RULES.put("POST /admin/privacy/subjects", List.of(ADMINISTRATOR));
        RULES.put("POST /admin/privacy/subjects/export", List.of(ADMINISTRATOR));
        RULES.put("POST /admin/privacy/subjects/erase", List.of(ADMINISTRATOR));
        // importing: a whole site's archive comes in, languages may be added: administrators only
        RULES.put("GET /admin/import", List.of(ADMINISTRATOR));
        RULES.put("POST /admin/import", List.of(ADMINISTRATOR));
        RULES.put("GET /admin/import/{id}", List.of(ADMINISTRATOR));
        // the static mirror: writes the whole public site into the server's folder
        RULES.put("GET /admin/mirror", List.of(ADMINISTRATOR));
        RULES.put("POST /admin/mirror", List.of(ADMINISTRATOR));
    }

    @Autowired
    StaffAccounts accounts;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @LocalServerPort
    int port;

    @Test
    void everyBackOfficeRouteHasARule() {
        Set<String> routes = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(p -> p.equals("/admin") || p.startsWith("/admin/"))
                .forEach(pattern -> {
                    var methods = info.getMethodsCondition().getMethods();
                    if (methods.isEmpty()) {
                        routes.add("ANY " + pattern);
                    }
                    methods.forEach(method -> routes.add(method.name() + " " + pattern));
                }));
        assertThat(routes).as("routes without a rule in the matrix").isSubsetOf(RULES.keySet());
        assertThat(RULES.keySet()).as("rules for routes that no longer exist").isSubsetOf(routes);
    }

    @Test
    void eachRoleMayUseExactlyTheRoutesTheTableGivesIt() throws Exception {
        Map<String, StaffBrowser> browsers = new LinkedHashMap<>();
        for (String who : EVERYONE) {
            browsers.put(who, browserFor(who));
        }
        assertThat(probe(browsers, false)).isEmpty();
    }

    /**
     * Every role with a second factor set up, after the password only: nothing answers but the next step's pages,
     * and every other route sends the session on to that step (or to the login page), whatever the role.
     */
    @Test
    void beforeTheSecondStepNoRouteButTheStepsAnswers() throws Exception {
        Map<String, StaffBrowser> browsers = new LinkedHashMap<>();
        for (String who : STAFF) {
            browsers.put(who, halfLoggedIn(who));
        }
        assertThat(probe(browsers, true)).isEmpty();
    }

    private List<String> probe(Map<String, StaffBrowser> browsers, boolean halfway) throws Exception {
        List<String> wrong = new ArrayList<>();
        List<Map.Entry<String, List<String>>> rules = new ArrayList<>(RULES.entrySet());
        rules.sort(Comparator.comparing(rule -> ENDS_THE_CALLERS_SESSIONS.contains(rule.getKey())));
        for (Map.Entry<String, List<String>> rule : rules) {
            String method = rule.getKey().substring(0, rule.getKey().indexOf(' '));
            String path = rule.getKey().substring(method.length() + 1)
                    .replace("{lang}", "en").replace("{slug}", "matrix-probe-" + UUID.randomUUID())
                    .replace("{publicId}", UUID.randomUUID().toString()).replace("{id}", "999999999").replace("{token}", "matrix-probe-token");
            for (Map.Entry<String, StaffBrowser> entry : browsers.entrySet()) {
                String who = entry.getKey();
                StaffBrowser browser = entry.getValue();
                HttpResponse<String> response = method.equals("GET") ? browser.get(path)
                        : browser.post(path, "_csrf=" + StaffBrowser.encode(browser.csrf(csrfSource(who, halfway))));
                String location = StaffBrowser.location(response);
                boolean redirected = response.statusCode() == 302 || response.statusCode() == 303;
                boolean sentToLogin = redirected && location.endsWith("/admin/login");
                boolean sentToStep = redirected && (location.endsWith("/admin/second-factor")
                        || location.endsWith("/admin/second-factor/enrol") || location.endsWith("/admin/new-password"));
                boolean step = SECOND_STEP.contains(rule.getKey());
                boolean denied = response.statusCode() == 403 || sentToLogin || (halfway && !step && sentToStep);
                boolean shouldBeAllowed = halfway ? step || EVERYONE.equals(rule.getValue()) : rule.getValue().contains(who);
                if (denied == shouldBeAllowed || response.statusCode() >= 500) {
                    wrong.add(rule.getKey() + " as " + who + (halfway ? " before the second step" : "") + ": "
                            + response.statusCode() + " " + location);
                }
            }
        }
        return wrong;
    }

    private static String csrfSource(String who, boolean halfway) {
        return who.equals(ANONYMOUS) ? "/admin/login" : halfway ? "/admin/second-factor" : "/admin/";
    }

    /** A browser of this role after the password step, the account having an authenticator app set up. */
    private StaffBrowser halfLoggedIn(String who) throws Exception {
        String[] parts = who.split(":");
        Role role = Role.valueOf(parts[0].toUpperCase());
        String email = "matrix-" + UUID.randomUUID() + "@example.org";
        accounts.create(email, who, PASSWORD, List.of(new StaffRole(role, parts.length > 1 ? parts[1] : "")));
        StaffBrowser first = new StaffBrowser(port);
        first.logIn(email, PASSWORD);
        if (!Authenticator.knows(email)) {
            // a role that needs no second factor sets one up from its account
            assertThat(StaffBrowser.location(first.enrol(email))).endsWith("/admin/account?done=second-factor");
        }
        StaffBrowser browser = new StaffBrowser(port);
        assertThat(StaffBrowser.location(browser.logInWithPasswordOnly(email, PASSWORD))).endsWith("/admin/second-factor");
        return browser;
    }

    private StaffBrowser browserFor(String who) throws Exception {
        StaffBrowser browser = new StaffBrowser(port);
        if (who.equals(ANONYMOUS)) {
            return browser;
        }
        String[] parts = who.split(":");
        Role role = Role.valueOf(parts[0].toUpperCase());
        String email = "matrix-" + UUID.randomUUID() + "@example.org";
        accounts.create(email, who, PASSWORD, List.of(new StaffRole(role, parts.length > 1 ? parts[1] : "")));
        assertThat(browser.logIn(email, PASSWORD).headers().firstValue("Location").orElseThrow()).endsWith("/admin/");
        return browser;
    }
}
