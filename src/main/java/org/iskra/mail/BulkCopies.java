package org.iskra.mail;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** A copy of a mailing as a MIME message: plain text and HTML as alternatives, UTF-8, the source's own headers. */
@Component
class BulkCopies {

    private final JavaMailSender mailSender;
    private final InternetAddress from;

    BulkCopies(JavaMailSender mailSender, OutboxProperties properties) {
        this.mailSender = mailSender;
        this.from = OutboxSender.fromAddress(properties.from());
    }

    MimeMessage mime(BulkMailSource.Copy copy, String language) throws MessagingException {
        MimeMessage mime = mailSender.createMimeMessage();
        mime.setFrom(from);
        mime.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(copy.recipient(), true));
        mime.setSubject(copy.subject(), StandardCharsets.UTF_8.name());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(copy.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(copy.html(), StandardCharsets.UTF_8.name(), "html");
        // the last alternative is the preferred one (RFC 2046): HTML where it is shown, the text elsewhere
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(text);
        alternatives.addBodyPart(html);
        mime.setContent(alternatives);
        mime.setHeader("Content-Language", language);
        for (Map.Entry<String, String> header : copy.headers().entrySet()) {
            mime.setHeader(header.getKey(), MimeUtility.fold(header.getKey().length() + 2, header.getValue()));
        }
        return mime;
    }
}
