package org.iskra.organizing;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.iskra.privacy.Actor;
import org.iskra.site.ActingStaff;
import org.iskra.site.NotFoundException;
import org.iskra.site.PageRenderer;
import org.iskra.site.Reader;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
    private final PageRenderer renderer;

    FollowUpController(RequestReading reading, FollowUp followUp, ApplicantReply reply, Organizers organizers,
                       PageRenderer renderer) {
        this.reading = reading;
        this.followUp = followUp;
        this.reply = reply;
        this.organizers = organizers;
        this.renderer = renderer;
    }

    @GetMapping("/admin/join/{publicId}")
    ResponseEntity<byte[]> request(@PathVariable String publicId, @RequestParam(required = false) String done,
                                   Reader reader, ActingStaff staff) {
        String notice = done != null && DONE.contains(done) ? "organizing.done." + done : null;
        return page(publicId, HttpStatus.OK, notice, null, reader, staff);
    }

    @PostMapping("/admin/join/{publicId}/status")
    ResponseEntity<byte[]> status(@PathVariable String publicId, @RequestParam(required = false) String status,
                                  Reader reader, ActingStaff staff) {
        Organizer user = organizers.of(staff);
        return after(followUp.changeStatus(publicId, status, user, Actor.of(staff)),
                publicId, "status", reader, staff);
    }

    @PostMapping("/admin/join/{publicId}/note")
    ResponseEntity<byte[]> note(@PathVariable String publicId, @RequestParam(required = false) String note,
                                Reader reader, ActingStaff staff) {
        Organizer user = organizers.of(staff);
        return after(followUp.addNote(publicId, note, user, Actor.of(staff)),
                publicId, "note", reader, staff);
    }

    /** "none" assigns to nobody, "me" to the user; anything unreadable is an id nobody has (refused after the 404). */
    @PostMapping("/admin/join/{publicId}/assign")
    ResponseEntity<byte[]> assign(@PathVariable String publicId, @RequestParam(required = false) String assignee,
                                  Reader reader, ActingStaff staff) {
        Organizer user = organizers.of(staff);
        Long assigneeId = assignee == null ? -1L : assignee.equals("none") ? null : assignee.equals("me") ? user.id()
                : assignee.matches("[0-9]{1,18}") ? Long.parseLong(assignee) : -1L;
        return after(followUp.assign(publicId, assigneeId, user, Actor.of(staff)), publicId, "assign",
                reader, staff);
    }

    @PostMapping("/admin/join/{publicId}/transfer")
    ResponseEntity<byte[]> transfer(@PathVariable String publicId, @RequestParam(required = false) String section,
                                    Reader reader, ActingStaff staff) {
        Long sectionId = section != null && section.matches("[0-9]{1,18}") ? Long.parseLong(section) : null;
        Organizer user = organizers.of(staff);
        Optional<FollowUpOutcome> outcome = followUp.transfer(publicId, sectionId, user, Actor.of(staff));
        if (outcome.isPresent() && outcome.get().error() == null) {
            // the request may now belong to a section this user does not organize: back to the dashboard
            return PageRenderer.seeOther("/admin/join?done=transfer");
        }
        return after(outcome, publicId, "transfer", reader, staff);
    }

    @PostMapping("/admin/join/{publicId}/reply")
    ResponseEntity<byte[]> reply(@PathVariable String publicId, Reader reader, ActingStaff staff) {
        Organizer user = organizers.of(staff);
        return after(reply.send(publicId, user, Actor.of(staff)), publicId, "reply",
                reader, staff);
    }

    /** After a change: 404 for a request this user may not see, the page again with the reason if refused, else PRG. */
    private ResponseEntity<byte[]> after(Optional<FollowUpOutcome> outcome, String publicId, String done,
                                         Reader reader, ActingStaff staff) {
        FollowUpOutcome made = outcome.orElseThrow(NotFoundException::new);
        if (made.error() != null) {
            HttpStatus status = made.conflict() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
            return page(publicId, status, null, made.error(), reader, staff);
        }
        return PageRenderer.seeOther("/admin/join/" + publicId + "?done=" + done);
    }

    private ResponseEntity<byte[]> page(String publicId, HttpStatus status, String notice, String error,
                                        Reader reader, ActingStaff staff) {
        Organizer user = organizers.of(staff);
        RequestView view = reading.open(publicId, user, Actor.of(staff))
                .orElseThrow(NotFoundException::new);
        String countryName = new Locale("", view.countryCode()).getDisplayCountry(reader.language().locale());
        RequestPage model = new RequestPage(reader.backOfficeFrame("organizing.request.title"), view,
                List.of(RequestStatus.values()), countryName, user.id(), notice, error);
        return renderer.privatePage(status, "organizing/request.jte", model, reader.language());
    }
}
