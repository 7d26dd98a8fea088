package org.iskra.mail;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.iskra.privacy.Actor;
import org.iskra.privacy.HeldRecord;
import org.iskra.privacy.HeldRecord.Field;
import org.iskra.privacy.PersonalDataCipher;
import org.iskra.privacy.PersonalDataHolder;
import org.springframework.stereotype.Component;

/** The mail queued or sent to a person, for their export and their erasure. */
@Component
class OutboxPersonalData implements PersonalDataHolder {

    private final OutboxStore store;
    private final Outbox outbox;
    private final PersonalDataCipher cipher;

    OutboxPersonalData(OutboxStore store, Outbox outbox, PersonalDataCipher cipher) {
        this.store = store;
        this.outbox = outbox;
        this.cipher = cipher;
    }

    @Override
    public List<HeldRecord> heldAbout(String email) {
        List<HeldRecord> held = new ArrayList<>();
        for (OutboxStore.Held m : store.to(outbox.recipientHash(email))) {
            held.add(new HeldRecord("mail", String.valueOf(m.id()), m.language(), List.of(
                    new Field("recipient", cipher.open(m.recipient(), Outbox.RECIPIENT, m.publicId())),
                    new Field("subject", cipher.open(m.subject(), Outbox.SUBJECT, m.publicId())),
                    new Field("body", cipher.open(m.bodyText(), Outbox.BODY, m.publicId())),
                    new Field("language", m.language()),
                    new Field("status", m.status()),
                    new Field("queued", iso(m.createdAt())),
                    new Field("sent", iso(m.sentAt()))), List.of()));
        }
        return held;
    }

    @Override
    public int erase(String email, Actor actor) {
        return outbox.erase(email);
    }

    private static String iso(OffsetDateTime at) {
        return at == null ? null : at.toInstant().toString();
    }
}
