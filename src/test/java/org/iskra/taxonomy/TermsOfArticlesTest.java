package org.iskra.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import org.iskra.articles.ArticleMother;
import org.iskra.articles.ArticleWriter;
import org.iskra.testsupport.IskraIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Reading the terms of many articles at once names them exactly as reading one article's terms does. */
@IskraIntegrationTest
class TermsOfArticlesTest {

    @Autowired
    ArticleWriter writer;

    @Autowired
    Taxonomy taxonomy;

    @Test
    void aRunOfArticlesHasTheSameTermsInEveryLanguageAsEachArticleOnItsOwn() throws Exception {
        String unique = java.util.UUID.randomUUID().toString().substring(0, 6);  // terms are shared by every test
        ArticleMother first = ArticleMother.article().inLanguage("ru").writtenIn("ru")
                .regions("Кавказ " + unique, "Европа " + unique).countries("AM", "AZ").tags("Война", "Нефть");
        long firstId = writer.save(first.input()).articleId();
        writer.save(first.translatedInto("en").regions("Caucasus " + unique, "Europe " + unique).tags("War", "Oil").input());
        writer.save(first.translatedInto("fr").regions("Caucase").tags("Guerre").input());
        ArticleMother second = ArticleMother.article().inLanguage("en").writtenIn("en").regions("Caucasus").tags("Strikes");
        long secondId = writer.save(second.input()).articleId();
        ArticleMother untagged = ArticleMother.article().inLanguage("en").writtenIn("en");
        long untaggedId = writer.save(untagged.input()).articleId();

        TermsOfArticles run = taxonomy.termsOfArticles(firstId, untaggedId);

        for (long id : new long[] {firstId, secondId, untaggedId}) {
            for (String language : new String[] {"ru", "en", "fr", "hy"}) {
                assertThat(run.of(id, language)).as(id + " in " + language).isEqualTo(taxonomy.termsOf(id, language));
            }
        }
        assertThat(run.of(firstId, "hy").regions()).extracting(Term::name).as("no Armenian names: the English ones")
                .containsExactly("Caucasus " + unique, "Europe " + unique);
        assertThat(run.of(firstId, "en").countries()).extracting(Term::name).containsExactly("Armenia", "Azerbaijan");
        assertThat(run.of(untaggedId, "en").isEmpty()).isTrue();
    }
}
