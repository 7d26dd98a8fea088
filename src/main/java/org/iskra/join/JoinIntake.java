package org.iskra.join;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.iskra.mail.Outbox;
import org.iskra.mail.OutgoingMail;
import org.iskra.organizing.Section;
import org.iskra.organizing.Sections;
import org.iskra.privacy.KeyedHash;
import org.iskra.privacy.PersonalDataCipher;
import org.iskra.site.IskraProperties;
import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.iskra.site.Messages;
import org.iskra.site.PageFrames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receiving a join request: stored sealed, routed to a section, with its deadline, its first event and its mail
 * (confirmation to the applicant, notice to the section's organizers) in one transaction. When {@link #receive}
 * returns, all of it is committed; mail goes out later from the outbox.
 */
@Service
class JoinIntake {

    static final String NAME = "join_request.name";
    static final String EMAIL = "join_request.email";
    static final String PHONE = "join_request.phone";
    static final String CITY = "join_request.city";
    static final String MESSAGE = "join_request.message";
    static final String CONFIRMATION = "join_request.confirmation";

    private static final Logger log = LoggerFactory.getLogger(JoinIntake.class);
    private static final Pattern CONFIRMATION_TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final JoinStore store;
    private final Sections sections;
    private final PersonalDataCipher cipher;
    private final KeyedHash hash;
    private final Outbox outbox;
    private final PageFrames frames;
    private final Languages languages;
    private final Countries countries;
    private final IskraProperties site;
    private final JoinProperties properties;
    private final SecureRandom random = new SecureRandom();

    JoinIntake(JoinStore store, Sections sections, PersonalDataCipher cipher, KeyedHash hash, Outbox outbox,
               PageFrames frames, Languages languages, Countries countries, IskraProperties site, JoinProperties properties) {
        this.store = store;
        this.sections = sections;
        this.cipher = cipher;
        this.hash = hash;
        this.outbox = outbox;
        this.frames = frames;
        this.languages = languages;
        this.countries = countries;
        this.site = site;
        this.properties = properties;
    }

    /**
     * Stores the request and returns its public id. A form token already stored (a retried POST, or two concurrent
     * submissions of one form) fails with a {@link org.springframework.dao.DuplicateKeyException} on the form
     * token, and the caller finds the first with {@link #received}; the caller asks {@link #received} before, too,
     * so a plain retry costs no failed insert. Not looking it up again here saves a query on every request.
     */
    @Transactional
    public String receive(NewJoinRequest request) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Section section = sections.route(request.countryCode());
        String publicId = UUID.randomUUID().toString();
        String confirmationToken = randomToken();
        String email = request.email().strip();
        JoinStore.Sealed sealed = new JoinStore.Sealed(
                cipher.seal(request.name(), NAME),
                cipher.seal(email, EMAIL),
                cipher.seal(request.phone(), PHONE),
                cipher.seal(request.city(), CITY),
                cipher.seal(request.message(), MESSAGE),
                emailHash(email));
        long id = store.insert(publicId, request.formToken(), section.id(), request.countryCode(), request.language(),
                request.sourcePath(), sealed, now, hash.of(CONFIRMATION, confirmationToken),
                now.plusHours(section.responseHours()));
        store.event(id, "received", "section=" + section.slug(), now);

        Language language = new Language(request.language());
        Messages t = frames.messages(language);
        String link = site.baseUrl() + "/" + language.code() + "/join/confirm?token=" + confirmationToken;
        List<OutgoingMail> mails = new ArrayList<>();
        mails.add(new OutgoingMail("join.confirmation", email,
                t.get("join.mail.confirm.subject"),
                t.get("join.mail.confirm.body", request.name(), link, section.name()),
                language.code()));

        // the organizers' notice names the country and links the back office: no name, address or message
        Language staffLanguage = languages.defaultLanguage();
        Messages staff = frames.messages(staffLanguage);
        String country = countries.name(request.countryCode(), staffLanguage);
        String adminLink = site.baseUrl() + "/admin/join/" + publicId;
        List<String> organizers = sections.organizerEmails(section);
        if (organizers.isEmpty()) {
            // nobody organizes the section yet: its contact address hears of the request, so it is not unnoticed
            organizers = List.of(section.contactEmail());
        }
        // every organizer's notice has the same text: formatted once
        String subject = staff.get("join.mail.notify.subject", country);
        String body = staff.get("join.mail.notify.body", country, section.name(), section.responseHours(), adminLink);
        for (String organizer : organizers) {
            mails.add(new OutgoingMail("join.notification", organizer, subject, body, staffLanguage.code()));
        }
        outbox.enqueueAll(mails);
        log.info("Join request {} received for section {}", publicId, section.slug());
        return publicId;
    }

    Optional<String> received(String formToken) {
        return store.publicIdOfFormToken(formToken);
    }

    /** Marks the request whose confirmation link this is as confirmed; false for an unknown or expired link. */
    @Transactional
    public boolean confirm(String token) {
        if (token == null || !CONFIRMATION_TOKEN.matcher(token).matches()) {
            return false;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Optional<Long> id = store.byConfirmation(hash.of(CONFIRMATION, token), now.minus(properties.confirmationLifetime()));
        if (id.isEmpty()) {
            return false;
        }
        if (store.confirm(id.get(), now)) {
            store.event(id.get(), "confirmed", null, now);
        }
        return true;
    }

    String emailHash(String email) {
        return hash.of(EMAIL, email.strip().toLowerCase(java.util.Locale.ROOT));
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
