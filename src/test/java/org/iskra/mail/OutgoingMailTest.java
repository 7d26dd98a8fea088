package org.iskra.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OutgoingMailTest {

    @Test
    void aWellFormedMailIsAccepted() {
        assertThat(MailMother.mail().language("pt-BR").build().language()).isEqualTo("pt-BR");
        assertThat(MailMother.mail().body("").build().bodyText()).isEmpty();
    }

    @Test
    void aBrokenMailIsRefusedWithoutQuotingItsValues() {
        String secret = "olga@example.org\r\nBcc: everyone@example.org";
        assertThatThrownBy(() -> MailMother.mail().to(secret).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("olga");
        assertThatThrownBy(() -> MailMother.mail().subject("Hello\nBcc: x@example.org").build())
                .hasMessage("subject is required and must be one line");
        assertThatThrownBy(() -> MailMother.mail().to(" ").build()).hasMessage("recipient is required");
        assertThatThrownBy(() -> MailMother.mail().kind("Join Confirmation").build()).hasMessageStartingWith("kind must be");
        assertThatThrownBy(() -> MailMother.mail().language("русский").build()).hasMessageStartingWith("language must be");
        assertThatThrownBy(() -> MailMother.mail().body(null).build()).hasMessage("bodyText is required");
    }
}
