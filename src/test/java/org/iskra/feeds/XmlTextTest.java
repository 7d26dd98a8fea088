package org.iskra.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlTextTest {

    @Test
    void dropsWhatXml10CannotCarryAndKeepsEverythingElse() {
        assertThat(XmlText.clean("Bell\u0007 and \u001Btab\tend\uFFFE\r\n")).isEqualTo("Bell and tab\tend\r\n");
        assertThat(XmlText.clean("Форма\fкадра")).isEqualTo("Формакадра");
    }

    @Test
    void keepsCharactersOutsideTheBasicPlaneAndDropsHalfPairs() {
        assertThat(XmlText.clean("Strike ✊🏽 now")).isEqualTo("Strike ✊🏽 now");
        assertThat(XmlText.clean("broken \uD83D pair")).isEqualTo("broken  pair");
        assertThat(XmlText.clean("\uDE00 low first")).isEqualTo(" low first");
    }

    @Test
    void leavesCleanTextAsItIs() {
        String clean = "Война на Кавказе & <others>";
        assertThat(XmlText.clean(clean)).isSameAs(clean);
        assertThat(XmlText.clean(null)).isNull();
    }
}
