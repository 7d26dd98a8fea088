package org.iskra.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

class OutboxSenderTest {

    @Test
    void aFailureIsDescribedByItsTypesWithoutTheAddressesItsMessagesQuote() {
        var refused = new SendFailedException("550 5.1.1 <olga@example.org>: Recipient address rejected");
        var perMessage = new MailSendException("Failed messages: " + refused, null, Map.of(new Object(), refused));
        assertThat(OutboxSender.describe(perMessage)).isEqualTo("MailSendException < SendFailedException");

        var outage = new MailSendException("Mail server connection failed",
                new MessagingException("Couldn't connect to host", new ConnectException("Connection refused")));
        assertThat(OutboxSender.describe(outage)).isEqualTo("MailSendException < MessagingException < ConnectException");
    }

    @Test
    void theFromAddressMayHaveANameInAnyScript() throws Exception {
        InternetAddress from = OutboxSender.fromAddress("Искра <no-reply@iskra.example>");
        assertThat(from.getAddress()).isEqualTo("no-reply@iskra.example");
        assertThat(from.getPersonal()).isEqualTo("Искра");
        assertThat(from.toString()).isEqualTo("=?UTF-8?B?" + java.util.Base64.getEncoder()
                .encodeToString("Искра".getBytes(StandardCharsets.UTF_8)) + "?= <no-reply@iskra.example>");
        assertThat(OutboxSender.fromAddress("Iskra <no-reply@localhost>").getAddress()).isEqualTo("no-reply@localhost");
        assertThatThrownBy(() -> OutboxSender.fromAddress("not an address"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ISKRA_MAIL_FROM");
    }
}
