package org.iskra.accounts;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.iskra.site.PageFrames;
import org.iskra.site.PageRenderer;
import org.iskra.site.Reader;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class BackOfficeController {

    private final Languages languages;
    private final PageFrames frames;
    private final PageRenderer renderer;
    private final StaffAccounts accounts;

    BackOfficeController(Languages languages, PageFrames frames, PageRenderer renderer, StaffAccounts accounts) {
        this.languages = languages;
        this.frames = frames;
        this.renderer = renderer;
        this.accounts = accounts;
    }

    @GetMapping("/admin/login")
    ResponseEntity<byte[]> login(HttpServletRequest request, CsrfToken csrf) {
        Language language = languages.preferredBy(request);
        var t = frames.messages(language);
        String notice = request.getParameter("error") != null ? "accounts.login.failed"
                : request.getParameter("throttled") != null ? "accounts.login.throttled"
                : request.getParameter("slow") != null ? "accounts.login.slow"
                : request.getParameter("expired") != null ? "accounts.login.expired"
                : request.getParameter("logout") != null ? "accounts.login.logged-out"
                : request.getParameter("welcome") != null ? "accounts.login.password-set" : null;
        boolean problem = "accounts.login.failed".equals(notice) || "accounts.login.throttled".equals(notice)
                || "accounts.login.slow".equals(notice);
        LoginPage page = new LoginPage(frames.backOfficeFrame(language, t.get("accounts.login.title")),
                csrf.getParameterName(), csrf.getToken(), notice, problem);
        return renderer.privatePage(HttpStatus.OK, "accounts/login.jte", page, language);
    }

    @GetMapping({"/admin", "/admin/"})
    ResponseEntity<byte[]> home(Reader reader, Principal principal) {
        var t = reader.t();
        StaffUser user = accounts.find(principal.getName()).orElseThrow();
        var roleNames = user.roles().stream()
                .map(r -> t.get("accounts.role." + r.role().name().toLowerCase()) + (r.scope().isEmpty() ? "" : " (" + r.scope() + ")"))
                .toList();
        BackOfficeHome page = new BackOfficeHome(reader.backOfficeFrame("accounts.home.title"), user, roleNames,
                user.has(Role.ADMINISTRATOR));
        return renderer.privatePage(HttpStatus.OK, "accounts/home.jte", page, reader.language());
    }
}
