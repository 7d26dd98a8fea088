package org.iskra.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A text's old addresses are kept with one query and one batch of inserts (ArticleAddresses.keepAll): an address
 * named twice is kept once, one another article held moves to this one, and importing again changes none of them.
 * On the real database, with names of its own (a random token).
 */
@ImportTest
class OldAddressBatchTest {

    @Autowired
    ArchiveImporter importer;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    String token;

    @BeforeEach
    void uniqueNames() {
        token = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void keepsEachAddressOnceMovesOneHeldByAnotherArticleAndChangesNothingOnASecondImport() {
        HugoFolder before = HugoFolder.create(dir.resolve("before"));
        before.file("holder-" + token + ".en.md").frontMatter("""
                title: "Holder"
                slug: "holder-%1$s"
                aliases: ["/shared-%1$s/"]
                """.formatted(token)).body("The first owner of the address.\n");
        importer.importFolder(before.root());
        long holder = articleWithSlug("holder-" + token);
        assertThat(target("/shared-" + token)).isEqualTo(holder);

        HugoFolder after = HugoFolder.create(dir.resolve("after"));
        after.file("moved-" + token + ".en.md").frontMatter("""
                title: "Moved"
                slug: "moved-%1$s"
                aliases: ["/old-%1$s/", "/old-%1$s", "/other-%1$s", "/shared-%1$s/"]
                """.formatted(token)).body("The article the addresses lead to now.\n");
        ImportSummary first = importer.importFolder(after.root());
        long moved = articleWithSlug("moved-" + token);

        assertThat(List.of(target("/old-" + token), target("/other-" + token), target("/shared-" + token)))
                .containsOnly(moved);
        assertThat(jdbc.sql("select count(*) from article_redirect where path = ?").param("/old-" + token)
                .query(Long.class).single()).as("named twice, kept once").isEqualTo(1);
        assertThat(first.redirects().updated()).as("the address the holder had").isEqualTo(1);
        assertThat(first.redirects().unchanged()).as("the second naming of /old-…").isEqualTo(1);
        assertThat(first.redirects().failed()).isZero();
        long keptForMoved = redirectsOf(moved);

        ImportSummary again = importer.importFolder(after.root());

        assertThat(again.redirects().created()).isZero();
        assertThat(again.redirects().updated()).isZero();
        assertThat(again.redirects().unchanged()).isEqualTo(first.redirects().created() + first.redirects().updated()
                + first.redirects().unchanged());
        assertThat(redirectsOf(moved)).isEqualTo(keptForMoved);
    }

    private long articleWithSlug(String slug) {
        return jdbc.sql("select article_id from translation where slug = ?").param(slug).query(Long.class).single();
    }

    private long target(String path) {
        return jdbc.sql("select article_id from article_redirect where path = ?").param(path).query(Long.class).single();
    }

    private long redirectsOf(long articleId) {
        return jdbc.sql("select count(*) from article_redirect where article_id = ?").param(articleId).query(Long.class).single();
    }
}
