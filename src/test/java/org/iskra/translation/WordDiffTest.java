package org.iskra.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class WordDiffTest {

    @Test
    void marksTheWordsThatChangedAndKeepsTheRest() {
        List<DiffSegment> diff = WordDiff.diff("Бои возобновились на границе в сентябре.",
                "Бои возобновились на всей границе в октябре.");
        assertThat(text(diff, DiffSegment.Kind.REMOVED)).isEqualTo("сентябре");
        assertThat(text(diff, DiffSegment.Kind.ADDED)).isEqualTo("всей |октябре");
        assertThat(WordDiff.changed(diff)).isTrue();
    }

    @Test
    void joiningTheSegmentsGivesBackBothTextsExactly() {
        String before = "## Что произошло\n\nНочью 27 сентября артиллерия снова открыла огонь.\n\nТекст — второй абзац.";
        String after = "## Что произошло\n\nНочью 27 сентября артиллерия открыла огонь по сёлам.\n\nТекст — второй абзац, дополненный.";
        List<DiffSegment> diff = WordDiff.diff(before, after);
        assertThat(diff.stream().filter(s -> s.kind() != DiffSegment.Kind.ADDED).map(DiffSegment::text).collect(Collectors.joining()))
                .isEqualTo(before);
        assertThat(diff.stream().filter(s -> s.kind() != DiffSegment.Kind.REMOVED).map(DiffSegment::text).collect(Collectors.joining()))
                .isEqualTo(after);
    }

    @Test
    void identicalTextsHaveNoChanges() {
        assertThat(WordDiff.changed(WordDiff.diff("الأممية في عصرنا", "الأممية في عصرنا"))).isFalse();
        assertThat(WordDiff.diff("", "")).isEmpty();
    }

    @Test
    void wordsInAnyScriptAreWholeTokens() {
        assertThat(WordDiff.tokens("Հայաստան, Азербайджан и Türkiye")).containsExactly("Հայաստան", ", ", "Азербайджан ", "и ", "Türkiye");
    }

    private static String text(List<DiffSegment> diff, DiffSegment.Kind kind) {
        return diff.stream().filter(s -> s.kind() == kind).map(s -> s.text().strip()).collect(Collectors.joining(" |"));
    }
}
