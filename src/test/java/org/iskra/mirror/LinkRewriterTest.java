package org.iskra.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class LinkRewriterTest {

    private final List<String> pages = new ArrayList<>();
    private final List<String> media = new ArrayList<>();
    private final List<String> assets = new ArrayList<>();
    private final LinkRewriter.Found found = new LinkRewriter.Found() {
        @Override
        public void page(String path, int page) {
            pages.add(path + "#" + page);
        }

        @Override
        public void media(String fileName) {
            media.add(fileName);
        }

        @Override
        public void asset(String path) {
            assets.add(path);
        }
    };

    private final LinkRewriter rewriter = new LinkRewriter(
            new LinkRewriter.Bases("https://live.example", "https://mirror.example", "http://joinexample.onion"));

    @Test
    void linksBecomeRelativeToThePagesOwnFile() {
        String html = rewriter.rewrite("""
                <a href="/en/regions/caucasus?page=2">older</a><a class="x" href="/en/">home</a>\
                <link rel="stylesheet" href="/assets/site.0123.css"><a href="#main">skip</a>""",
                "en/articles/strike/index.html", found);
        assertThat(html).isEqualTo("""
                <a href="../../regions/caucasus/page-2.html">older</a><a class="x" href="../../index.html">home</a>\
                <link rel="stylesheet" href="../../../assets/site.0123.css"><a href="#main">skip</a>""");
        assertThat(pages).containsExactly("/en/regions/caucasus#2", "/en/#1");
        assertThat(assets).containsExactly("/assets/site.0123.css");
    }

    @Test
    void imagesAndEverySrcsetCandidatePointAtTheMirrorsMedia() {
        String html = rewriter.rewrite("<img src=\"/media/a-640.webp\" srcset=\"/media/a-480.webp 480w, /media/a-960.webp 960w\" alt=\"\">",
                "en/articles/strike/index.html", found);
        assertThat(html).isEqualTo("<img src=\"../../../media/a-640.webp\" srcset=\"../../../media/a-480.webp 480w, "
                + "../../../media/a-960.webp 960w\" alt=\"\">");
        assertThat(media).containsExactly("a-640.webp", "a-480.webp", "a-960.webp");
    }

    @Test
    void canonicalAndAlternatesNameThePublicAddressOtherLinksToTheLiveSiteBecomeRelative() {
        String html = rewriter.rewrite("""
                <link rel="canonical" href="https://live.example/en/articles/strike">\
                <link rel="alternate" hreflang="ru" href="https://live.example/ru/articles/stachka">\
                <link rel="alternate" type="application/atom+xml" title="Feed" href="/en/feed.atom">\
                <a href="https://live.example/ru/articles/stachka">ru</a><a href="https://other.example/x">elsewhere</a>""",
                "en/articles/strike/index.html", found);
        assertThat(html).isEqualTo("""
                <link rel="canonical" href="https://mirror.example/en/articles/strike">\
                <link rel="alternate" hreflang="ru" href="https://mirror.example/ru/articles/stachka">\
                <link rel="alternate" type="application/atom+xml" title="Feed" href="../../feed.atom">\
                <a href="../../../ru/articles/stachka/index.html">ru</a><a href="https://other.example/x">elsewhere</a>""");
    }

    @Test
    void whatNeedsAServerGoesToTheJoinAddressAndTheLanguageMenuToThePageItself() {
        String html = rewriter.rewrite("""
                <a href="/en/join?from=/en/articles/strike">join</a><a href="https://live.example/en/newsletter">news</a>\
                <a href="/language/ru?next=%2Fru%2Farticles%2Fstachka">ru</a>\
                <form class="site-search" role="search" action="/en/search" method="get">""",
                "index.html", found);
        assertThat(html).isEqualTo("""
                <a href="http://joinexample.onion/en/join?from=/en/articles/strike">join</a>\
                <a href="http://joinexample.onion/en/newsletter">news</a>\
                <a href="ru/articles/stachka/index.html">ru</a>\
                <form class="site-search" role="search" action="en/search/index.html" method="get">""");
    }

    @Test
    void entitiesTheSanitizerWritesAreReadAsTheBrowserReadsThem() {
        assertThat(rewriter.link("/en/tags/war?page&#61;3", "en/index.html", found)).isEqualTo("tags/war/page-3.html");
        assertThat(rewriter.link("/en/tags/war?q=a&amp;page=4", "en/index.html", found)).isEqualTo("tags/war/page-4.html");
    }

    @Test
    void aFileLinksItsSiblingsAndTheRootWithoutLeavingTheMirror() {
        assertThat(MirrorPaths.relative("index.html", "en/index.html")).isEqualTo("en/index.html");
        assertThat(MirrorPaths.relative("en/page-2.html", "en/index.html")).isEqualTo("index.html");
        assertThat(MirrorPaths.relative("en/articles/a/index.html", "index.html")).isEqualTo("../../../index.html");
        assertThat(MirrorPaths.relative("en/articles/a/index.html", "en/articles/b/index.html")).isEqualTo("../b/index.html");
        assertThat(MirrorPaths.fileOf("/", 1)).isEqualTo("index.html");
        assertThat(MirrorPaths.fileOf("/en/", 3)).isEqualTo("en/page-3.html");
        assertThat(MirrorPaths.fileOf("/en/regions/caucasus/feed.rss", 1)).isEqualTo("en/regions/caucasus/feed.rss");
    }
}
