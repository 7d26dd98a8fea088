package org.iskra.accounts;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.iskra.site.Messages;
import org.iskra.site.NotFoundException;
import org.iskra.site.PageFrames;
import org.iskra.site.PageRenderer;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The page an invitation mail links to, open to anyone holding the link: choose a password, then log in. An unknown
 * link is a 404; a used or expired one a 410 that says so, so its holder knows to ask for a new one.
 */
@Controller
class InvitationController {

    private final Languages languages;
    private final PageFrames frames;
    private final PageRenderer renderer;
    private final Invitations invitations;

    InvitationController(Languages languages, PageFrames frames, PageRenderer renderer, Invitations invitations) {
        this.languages = languages;
        this.frames = frames;
        this.renderer = renderer;
        this.invitations = invitations;
    }

    @GetMapping("/admin/invitation/{token}")
    ResponseEntity<byte[]> form(@PathVariable String token, HttpServletRequest request, CsrfToken csrf) {
        Invitations.Lookup lookup = invitations.lookup(token);
        if (lookup.state() != Invitations.State.VALID) {
            return gone(lookup.state(), request);
        }
        return formPage(HttpStatus.OK, request, csrf, token, lookup, Map.of());
    }

    @PostMapping("/admin/invitation/{token}")
    ResponseEntity<byte[]> accept(@PathVariable String token, HttpServletRequest request, CsrfToken csrf) {
        Invitations.Lookup lookup = invitations.lookup(token);
        if (lookup.state() != Invitations.State.VALID) {
            return gone(lookup.state(), request);
        }
        Messages t = frames.messages(languages.preferredBy(request));
        String password = request.getParameter("password");
        Map<String, String> errors = new LinkedHashMap<>();
        if (password == null || !password.equals(request.getParameter("repeat"))) {
            errors.put("repeat", t.get("accounts.password.mismatch"));
        } else {
            try {
                if (!invitations.accept(token, password, request.getRemoteAddr())) {
                    // used or expired between the lookup and now
                    return gone(invitations.lookup(token).state(), request);
                }
            } catch (Invitations.LinkUsedMeanwhile lost) {
                return gone(Invitations.State.USED, request);
            } catch (PasswordRejectedException rejected) {
                errors.put("password", t.get(rejected.reason()));
            }
        }
        if (!errors.isEmpty()) {
            return formPage(HttpStatus.BAD_REQUEST, request, csrf, token, lookup, errors);
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/admin/login?welcome"))
                .cacheControl(CacheControl.noStore()).build();
    }

    private ResponseEntity<byte[]> formPage(HttpStatus status, HttpServletRequest request, CsrfToken csrf, String token,
                                            Invitations.Lookup lookup, Map<String, String> errors) {
        Language language = languages.preferredBy(request);
        Messages t = frames.messages(language);
        InvitationPage page = new InvitationPage(frames.backOfficeFrame(language, t.get("accounts.invitation.title")),
                csrf.getParameterName(), csrf.getToken(), "/admin/invitation/" + token, lookup.email(),
                lookup.displayName(), errors);
        // the address holds the token: the page's stylesheet request must not carry it in a Referer
        ResponseEntity<byte[]> rendered = renderer.privatePage(status, "accounts/invitation.jte", page, language);
        return ResponseEntity.status(status).headers(headers -> {
            headers.addAll(rendered.getHeaders());
            headers.set("Referrer-Policy", "no-referrer");
        }).body(rendered.getBody());
    }

    private ResponseEntity<byte[]> gone(Invitations.State state, HttpServletRequest request) {
        if (state == Invitations.State.UNKNOWN || state == Invitations.State.VALID) {
            throw new NotFoundException();
        }
        Language language = languages.preferredBy(request);
        Messages t = frames.messages(language);
        String kind = state == Invitations.State.USED ? "used" : "expired";
        String heading = t.get("accounts.invitation." + kind + ".title");
        AccountNotePage page = new AccountNotePage(frames.backOfficeFrame(language, heading), heading,
                t.get("accounts.invitation." + kind + ".text"));
        return renderer.privatePage(HttpStatus.GONE, "accounts/note.jte", page, language);
    }
}
