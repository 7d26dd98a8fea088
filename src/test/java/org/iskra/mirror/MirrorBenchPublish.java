package org.iskra.mirror;

import java.util.List;

import org.iskra.IskraApplication;
import org.iskra.articles.ArticleMother;
import org.iskra.articles.ArticleWriter;
import org.iskra.site.CommandLine;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Publishes one new article through the editor's own path, for the mirror benchmark's incremental run after a
 * publish: {@code MirrorBenchPublish [--iskra.setting=…]}.
 */
public final class MirrorBenchPublish {

    private MirrorBenchPublish() {
    }

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext context = CommandLine.start(IskraApplication.class, List.of(args),
                List.of("--iskra.demo=false"), List.of())) {
            context.getBean(ArticleWriter.class).save(ArticleMother.article().title("A strike published after the mirror")
                    .regions("Benchmark region").tags("benchmark").input());
            System.out.println("published one article");
        }
    }
}
