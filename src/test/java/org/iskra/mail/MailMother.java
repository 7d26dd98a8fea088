package org.iskra.mail;

import java.util.UUID;

/** Outgoing mail for tests, each to an address of its own so a test finds exactly its messages. */
final class MailMother {

    private String kind = "join.confirmation";
    private String recipient = "anna." + UUID.randomUUID() + "@example.org";
    private String subject = "Подтвердите адрес — Искра";
    private String body = "Здравствуйте, Анна!\n\nПодтвердите, пожалуйста, ваш адрес: https://iskra.example/ru/join/confirm/x\n";
    private String language = "ru";

    static MailMother mail() {
        return new MailMother();
    }

    MailMother to(String recipient) {
        this.recipient = recipient;
        return this;
    }

    MailMother subject(String subject) {
        this.subject = subject;
        return this;
    }

    MailMother body(String body) {
        this.body = body;
        return this;
    }

    MailMother kind(String kind) {
        this.kind = kind;
        return this;
    }

    MailMother language(String language) {
        this.language = language;
        return this;
    }

    String recipient() {
        return recipient;
    }

    OutgoingMail build() {
        return new OutgoingMail(kind, recipient, subject, body, language);
    }
}
