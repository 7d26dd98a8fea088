package org.iskra.organizing;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.iskra.site.Messages;
import org.iskra.site.NotFoundException;
import org.iskra.site.PageFrames;
import org.iskra.site.PageRenderer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page of one join request with its actions. Every action answers 404 for a request the user may not see,
 * exactly as for one that does not exist; 409 when someone changed the request meanwhile.
 */
@Controller
class FollowUpController {

    private static final Set<String> DONE = Set.of("status", "note", "assign", "transfer", "reply");

    private final RequestReading reading;
    private final FollowUp followUp;
    private final ApplicantReply reply;
    private final Organizers organizers;
    private final Languages languages;
    private final PageFrames frames;
    private final PageRenderer renderer;

    FollowUpController(RequestReading reading, FollowUp followUp, ApplicantReply reply, Organizers organizers,
                       Languages languages, PageFrames frames, PageRenderer renderer) {
        this.reading = reading;
        this.followUp = followUp;
        this.reply = reply;
        this.organizers = organizers;
        this.languages = languages;
        this.frames = frames;
        this.renderer = renderer;
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
        Organizer user = organizers.of(principal);
        return after(followUp.changeStatus(publicId, status, user, Organizers.actor(request, user)),
                publicId, "status", request, principal, csrf);
    }

    @PostMapping("/admin/join/{publicId}/note")
    ResponseEntity<byte[]> note(@PathVariable String publicId, @RequestParam(required = false) String note,
                                HttpServletRequest request, Principal principal, CsrfToken csrf) {
        Organizer user = organizers.of(principal);
        return after(followUp.addNote(publicId, note, user, Organizers.actor(request, user)),
                publicId, "note", request, principal, csrf);
    }

    /** "none" assigns to nobody, "me" to the user; anything unreadable is an id nobody has (refused after the 404). */
    @PostMapping("/admin/join/{publicId}/assign")
    ResponseEntity<byte[]> assign(@PathVariable String publicId, @RequestParam(required = false) String assignee,
                                  HttpServletRequest request, Principal principal, CsrfToken csrf) {
        Organizer user = organizers.of(principal);
        Long assigneeId = assignee == null ? -1L : assignee.equals("none") ? null : assignee.equals("me") ? user.id()
                : assignee.matches("[0-9]{1,18}") ? Long.parseLong(assignee) : -1L;
        return after(followUp.assign(publicId, assigneeId, user, Organizers.actor(request, user)), publicId, "assign",
                request, principal, csrf);
    }

    @PostMapping("/admin/join/{publicId}/transfer")
    ResponseEntity<byte[]> transfer(@PathVariable String publicId, @RequestParam(required = false) String section,
                                    HttpServletRequest request, Principal principal, CsrfToken csrf) {
        Long sectionId = section != null && section.matches("[0-9]{1,18}") ? Long.parseLong(section) : null;
        Organizer user = organizers.of(principal);
        Optional<FollowUpOutcome> outcome = followUp.transfer(publicId, sectionId, user, Organizers.actor(request, user));
        if (outcome.isPresent() && outcome.get().error() == null) {
            // the request may now belong to a section this user does not organize: back to the dashboard
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/admin/join?done=transfer")).build();
        }
        return after(outcome, publicId, "transfer", request, principal, csrf);
    }

    @PostMapping("/admin/join/{publicId}/reply")
    ResponseEntity<byte[]> reply(@PathVariable String publicId, HttpServletRequest request, Principal principal,
                                 CsrfToken csrf) {
        Organizer user = organizers.of(principal);
        return after(reply.send(publicId, user, Organizers.actor(request, user)), publicId, "reply",
                request, principal, csrf);
    }

    /** After a change: 404 for a request this user may not see, the page again with the reason if refused, else PRG. */
    private ResponseEntity<byte[]> after(Optional<FollowUpOutcome> outcome, String publicId, String done,
                                         HttpServletRequest request, Principal principal, CsrfToken csrf) {
        FollowUpOutcome made = outcome.orElseThrow(NotFoundException::new);
        if (made.error() != null) {
            HttpStatus status = made.conflict() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
            return page(publicId, status, null, made.error(), request, principal, csrf);
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create("/admin/join/" + publicId + "?done=" + done)).build();
    }

    private ResponseEntity<byte[]> page(String publicId, HttpStatus status, String notice, String error,
                                        HttpServletRequest request, Principal principal, CsrfToken csrf) {
        Language language = languages.preferredBy(request);
        Messages t = frames.messages(language);
        Organizer user = organizers.of(principal);
        RequestView view = reading.open(publicId, user, Organizers.actor(request, user))
                .orElseThrow(NotFoundException::new);
        String countryName = new Locale("", view.countryCode()).getDisplayCountry(language.locale());
        RequestPage model = new RequestPage(frames.backOfficeFrame(language, t.get("organizing.request.title")), view,
                List.of(RequestStatus.values()), countryName, user.id(), csrf.getParameterName(), csrf.getToken(),
                notice, error);
        return renderer.privatePage(status, "organizing/request.jte", model, language);
    }
}
