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
     * Runs first: before Spring Session and Spring Security, so a hit costs no session lookup and a kept page replays
     * the security headers it was first served with (public pages never carry a session); and before the HTTP
     * observation filter, whose per-request timer costs more than serving a hit (PageCache counts hits instead).
     */
    @Bean
    FilterRegistrationBean<PageCacheFilter> pageCacheFilter(PageCache cache, PageReads reads) {
        FilterRegistrationBean<PageCacheFilter> registration = new FilterRegistrationBean<>(new PageCacheFilter(cache, reads));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** In front of it, on Tomcat, the valve that answers hits before the servlet machinery runs. */
    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> pageCacheValve(PageCache cache, PageReads reads) {
        return factory -> factory.addEngineValves(new PageCacheValve(cache, reads));
    }
}
