package org.iskra.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/** The partials every page uses instead of its own copy: the pager, the CSRF field, the banners. */
class LayoutPartialsTest {

    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);

    @Test
    void thePagerLinksTheNeighbouringPagesInTheReadersLanguage() {
        Document pager = render("layout/pager.jte", "t", in("ru"), "previous", "/ru/?page=1", "next", "/ru/?page=3",
                "page", 2, "pages", 5);

        assertThat(pager.select("nav.pages").attr("aria-label")).isEqualTo("Страницы");
        assertThat(pager.select("a[rel=prev]").attr("href")).isEqualTo("/ru/?page=1");
        assertThat(pager.select("a[rel=prev]").text()).isEqualTo("Предыдущая страница");
        assertThat(pager.select("nav.pages span").text()).isEqualTo("Страница 2 из 5");
        assertThat(pager.select("a[rel=next]").attr("href")).isEqualTo("/ru/?page=3");
        assertThat(pager.select("a[rel=next]").text()).isEqualTo("Следующая страница");
    }

    @Test
    void theFirstPageHasNoPreviousLinkAndAListOfOnePageNoPager() {
        Document first = render("layout/pager.jte", "t", in("en"), "next", "/admin/users?page=2");
        assertThat(first.select("a[rel=prev]")).isEmpty();
        assertThat(first.select("a[rel=next]").text()).isEqualTo("Next page");
        assertThat(first.select("nav.pages span")).isEmpty();

        assertThat(render("layout/pager.jte", "t", in("en"), "page", 1, "pages", 1).select("nav")).isEmpty();
    }

    @Test
    void theCsrfFieldCarriesTheRequestsToken() {
        CsrfField field = new CsrfField(new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "token-value"));
        Document form = render("layout/csrf.jte", "csrf", field);
        assertThat(form.select("input[type=hidden][name=_csrf]").attr("value")).isEqualTo("token-value");
    }

    @Test
    void theBannersTellWhatHappenedPolitelyAndWhatWentWrongAtOnceEscaped() {
        Document both = render("layout/banners.jte", "notice", "Saved <b>", "error", "Refused & why");
        assertThat(both.select("p.notice[role=status]").text()).isEqualTo("Saved <b>");
        assertThat(both.select("p.notice b")).isEmpty();
        assertThat(both.select("p.error[role=alert]").text()).isEqualTo("Refused & why");

        Document urgent = render("layout/banners.jte", "notice", "Locked out", "urgent", true, "errorClass", "form-notice");
        assertThat(urgent.select("p.notice[role=alert]").text()).isEqualTo("Locked out");
        assertThat(urgent.select("p.form-notice")).isEmpty();

        assertThat(render("layout/banners.jte", "error", "Too big", "errorClass", "form-notice")
                .select("p.form-notice[role=alert]").text()).isEqualTo("Too big");
        assertThat(render("layout/banners.jte").select("p")).isEmpty();
    }

    private static Document render(String template, Object... namesAndValues) {
        Map<String, Object> parameters = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        StringOutput output = new StringOutput();
        TEMPLATES.render(template, parameters, output);
        return Jsoup.parseBodyFragment(output.toString());
    }

    private static Messages in(String language) {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return new Messages(source, new Language(language));
    }
}
