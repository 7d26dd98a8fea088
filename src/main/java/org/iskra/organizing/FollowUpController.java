package org.iskra.organizing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.iskra.accounts.StaffAccounts;
import org.iskra.privacy.Actor;
import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.iskra.site.Messages;
import org.iskra.site.NotFoundException;
import org.iskra.site.PageFrames;
import org.iskra.site.PageRenderer;
import org.iskra.site.RequiresRecentLogin;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The organizers' dashboard and the page of one join request with its actions. Every action answers 404 for a
 * request the user may not see, exactly as for one that does not exist.
 */
@Controller
class FollowUpController {

    static final int PAGE_SIZE = 50;
    private static final Set<String> DONE = Set.of("status", "note", "assign", "transfer", "reply");

    private final FollowUp followUp;
    private final StaffAccounts accounts;
    private final Languages languages;
    private final PageFrames frames;
    private final PageRenderer renderer;

    FollowUpController(FollowUp followUp, StaffAccounts accounts, Languages languages, PageFrames frames,
                       PageRenderer renderer) {
        this.followUp = followUp;
        this.accounts = accounts;
        this.languages = languages;
        this.frames = frames;
        this.renderer = renderer;
    }

    @GetMapping("/admin/join")
    ResponseEntity<byte[]> dashboard(@RequestParam(required = false) String status,
                                     @RequestParam(required = false) String assignee,
                                     @RequestParam(required = false) String country,
                                     @RequestParam(required = false) String confirmed,
                                     @RequestParam(required = false) String page,
                                     @RequestParam(required = false) String done,
                                     HttpServletRequest request, Principal principal, CsrfToken csrf) {
        Language language = languages.preferredBy(request);
        Messages t = frames.messages(language);
        Organizer user = organizer(principal);
        DashboardFilter filter = new DashboardFilter(status, assignee, country, confirmed);
        String error = filter.error().orElse(null);
        int pageNumber = 1;
        if (page != null && !page.isBlank()) {
            if (page.strip().matches("[1-9][0-9]{0,5}")) {
                pageNumber = Integer.parseInt(page.strip());
            } else {
                error = "organizing.error.page";
            }
        }
        Dashboard dashboard = error != null ? new Dashboard(List.of(), Map.of(), false, List.of(), List.of(), null)
                : followUp.list(user, filter, pageNumber, PAGE_SIZE, actor(request, user));
        DashboardPage model = new DashboardPage(frames.backOfficeFrame(language, t.get("organizing.dashboard.title")),
                dashboard, FollowUp.STATUSES, filter.statusText(), filter.assigneeText(), filter.countryText(),
                filter.confirmedText(), pageNumber, "transfer".equals(done) ? "organizing.done.transfer" : null, error,
                csrf.getParameterName(), csrf.getToken());
        return renderer.privatePage(error == null ? HttpStatus.OK : HttpStatus.BAD_REQUEST, "organizing/dashboard.jte",
                model, language);
    }

    /** A POST behind a fresh login: a link on another site must not make an organizer's browser download it. */
    @PostMapping("/admin/join/export")
    @RequiresRecentLogin
    ResponseEntity<byte[]> export(@RequestParam(required = false) String section, HttpServletRequest request,
                                  Principal principal) {
        Organizer user = organizer(principal);
        if (section == null || !section.matches("[0-9]{1,18}")) {
            throw new NotFoundException();
        }
        String csv = followUp.export(Long.parseLong(section), user, actor(request, user)).orElseThrow(NotFoundException::new);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Disposition", "attachment; filename=\"join-requests-" + section + ".csv\"")
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/admin/join/{publicId}")
    ResponseEntity<byte[]> request(@PathVariable String publicId, @RequestParam(required = false) String done,
                                   HttpServletRequest request, Principal principal, CsrfToken csrf) {
        String notice = done != null && DONE.contains(done) ? "organizing.done." + done : null;
        return page(publicId, HttpStatus.OK, notice, null, request, principal, csrf);
    }

    @PostMapping("/admin/join/{publicId}/status")
    ResponseEntity<byte[]> status(@PathVariable String publicId, @RequestParam(required = false) String status,
                                  HttpServletRequest request, Principal principal, CsrfToken csrf) {
        Organizer user = organizer(principal);
        return after(followUp.changeStatus(publicId, status, user, actor(request, user)),
                publicId, "status", request, principal, csrf);
    }

    @PostMapping("/admin/join/{publicId}/note")
    ResponseEntity<byte[]> note(@PathVariable String publicId, @RequestParam(required = false) String note,
                                HttpServletRequest request, Principal principal, CsrfToken csrf) {
        Organizer user = organizer(principal);
        return after(followUp.addNote(publicId, note, user, actor(request, user)),
                publicId, "note", request, principal, csrf);
    }

    @PostMapping("/admin/join/{publicId}/assign")
    ResponseEntity<byte[]> assign(@PathVariable String publicId, @RequestParam(required = false) String assignee,
                                  HttpServletRequest request, Principal principal, CsrfToken csrf) {
        Organizer user = organizer(principal);
        Long assigneeId;
        if (assignee == null) {
            // no such staff user: refused as such once the request is known to be visible (404 comes first)
            assigneeId = -1L;
        } else if (assignee.equals("none")) {
            assigneeId = null;
        } else if (assignee.equals("me")) {
            assigneeId = user.id();
        } else if (assignee.matches("[0-9]{1,18}")) {
            assigneeId = Long.parseLong(assignee);
        } else {
            assigneeId = -1L;
        }
        return after(followUp.assign(publicId, assigneeId, user, actor(request, user)), publicId, "assign",
                request, principal, csrf);
    }

    @PostMapping("/admin/join/{publicId}/transfer")
    ResponseEntity<byte[]> transfer(@PathVariable String publicId, @RequestParam(required = false) String section,
                                    HttpServletRequest request, Principal principal, CsrfToken csrf) {
        Long sectionId = section != null && section.matches("[0-9]{1,18}") ? Long.parseLong(section) : null;
        Organizer user = organizer(principal);
        Optional<FollowUp.Outcome> outcome = followUp.transfer(publicId, sectionId, user,
                actor(request, user));
        if (outcome.isPresent() && outcome.get().error() == null) {
            // the request may now belong to a section this user does not organize: back to the dashboard
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/admin/join?done=transfer")).build();
        }
        return after(outcome, publicId, "transfer", request, principal, csrf);
    }

    @PostMapping("/admin/join/{publicId}/reply")
    ResponseEntity<byte[]> reply(@PathVariable String publicId, HttpServletRequest request, Principal principal,
                                 CsrfToken csrf) {
        Organizer user = organizer(principal);
        return after(followUp.reply(publicId, user, actor(request, user)), publicId, "reply",
                request, principal, csrf);
    }

    /** After a change: 404 for a request this user may not see, the page again with the reason if refused, else PRG. */
    private ResponseEntity<byte[]> after(Optional<FollowUp.Outcome> outcome, String publicId, String done,
                                         HttpServletRequest request, Principal principal, CsrfToken csrf) {
        if (outcome.isEmpty()) {
            throw new NotFoundException();
        }
        if (outcome.get().error() != null) {
            return page(publicId, HttpStatus.BAD_REQUEST, null, outcome.get().error(), request, principal, csrf);
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create("/admin/join/" + publicId + "?done=" + done)).build();
    }

    private ResponseEntity<byte[]> page(String publicId, HttpStatus status, String notice, String error,
                                        HttpServletRequest request, Principal principal, CsrfToken csrf) {
        Language language = languages.preferredBy(request);
        Messages t = frames.messages(language);
        Organizer user = organizer(principal);
        RequestView view = followUp.open(publicId, user, actor(request, user)).orElseThrow(NotFoundException::new);
        String countryName = new Locale("", view.countryCode()).getDisplayCountry(language.locale());
        RequestPage model = new RequestPage(frames.backOfficeFrame(language, t.get("organizing.request.title")), view,
                FollowUp.STATUSES, countryName, user.id(), csrf.getParameterName(), csrf.getToken(), notice, error);
        return renderer.privatePage(status, "organizing/request.jte", model, language);
    }

    private Organizer organizer(Principal principal) {
        return Organizer.of(accounts.find(principal.getName()).orElseThrow(NotFoundException::new));
    }

    private static Actor actor(HttpServletRequest request, Organizer user) {
        return new Actor(user.id(), request.getRemoteAddr());
    }
}
