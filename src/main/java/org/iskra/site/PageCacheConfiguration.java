package org.iskra.site;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class PageCacheConfiguration {

    /**
     * Runs first, around Spring Session and Spring Security, so that a kept page holds the security headers it was
     * first served with and the valve replays them (public pages never carry a session).
     */
    @Bean
    FilterRegistrationBean<PageCacheFilter> pageCacheFilter(PageCache cache, PageReads reads) {
        FilterRegistrationBean<PageCacheFilter> registration = new FilterRegistrationBean<>(new PageCacheFilter(cache, reads));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** Before everything else, so that no filter, page or cached page meets a query it cannot read. */
    @Bean
    FilterRegistrationBean<MalformedQueryFilter> malformedQueryFilter() {
        FilterRegistrationBean<MalformedQueryFilter> registration = new FilterRegistrationBean<>(new MalformedQueryFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /**
     * In front of everything, on Tomcat, the valve that answers hits before the servlet machinery runs: before
     * Spring's per-request HTTP observation too, whose timer costs more than a hit (PageCache counts hits instead).
     */
    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> pageCacheValve(PageCache cache, PageReads reads) {
        return factory -> factory.addEngineValves(new PageCacheValve(cache, reads));
    }
}
