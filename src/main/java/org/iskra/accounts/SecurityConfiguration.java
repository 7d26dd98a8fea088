package org.iskra.accounts;

import org.iskra.site.IskraProperties;
import org.iskra.site.SecurityHeaders;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Two worlds. The back office ({@code /admin/**}): login, a session stored in the database, CSRF on every change.
 * Public pages: open, sessionless and cookie-free, so they can be cached; the session cookie is scoped to
 * {@code /admin} and never reaches them. Both carry strict security headers.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    // images only from the site's own media: an image from another host would tell it who reads what
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain backOffice(HttpSecurity http, LoginThrottle throttle) throws Exception {
        http
                .securityMatcher("/admin", "/admin/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/admin/login", "/admin/invitation/**").permitAll()
                        .requestMatchers("/admin/users", "/admin/users/**").hasRole(Role.ADMINISTRATOR.name())
                        .requestMatchers("/admin/translations", "/admin/translations.json", "/admin/translations/**")
                        .hasAnyRole(Role.ADMINISTRATOR.name(), Role.EDITOR.name(), Role.TRANSLATOR.name())
                        .requestMatchers("/admin/articles", "/admin/articles/**")
                        .hasAnyRole(Role.ADMINISTRATOR.name(), Role.EDITOR.name(), Role.AUTHOR.name(), Role.TRANSLATOR.name())
                        .requestMatchers("/admin/newsletter/unsubscribe").hasRole(Role.ADMINISTRATOR.name())
                        .requestMatchers("/admin/newsletter", "/admin/newsletter/**")
                        .hasAnyRole(Role.ADMINISTRATOR.name(), Role.EDITOR.name())
                        .requestMatchers("/admin/join", "/admin/join/**")
                        .hasAnyRole(Role.ADMINISTRATOR.name(), Role.ORGANIZER.name())
                        .requestMatchers("/admin/audit", "/admin/privacy/**", "/admin/sections", "/admin/sections/**")
                        .hasRole(Role.ADMINISTRATOR.name())
                        .requestMatchers("/admin/import", "/admin/import/**").hasRole(Role.ADMINISTRATOR.name())
                        .anyRequest().authenticated())
                .formLogin(login -> login
                        .loginPage("/admin/login")
                        .loginProcessingUrl("/admin/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .defaultSuccessUrl("/admin/", false)
                        .failureHandler(throttle)
                        .permitAll())
                .logout(logout -> logout
                        .logoutUrl("/admin/logout")
                        .logoutSuccessUrl("/admin/login?logout"))
                .addFilterBefore(throttle.filter(), UsernamePasswordAuthenticationFilter.class)
                .sessionManagement(sessions -> sessions
                        .sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED)
                        .sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> secure(headers));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain publicSite(HttpSecurity http) throws Exception {
        http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").denyAll()
                        .anyRequest().permitAll())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Spring's CSRF token lives in a session, and public pages have none. The join form is protected
                // instead by its signed form token and by the Origin/Referer check of join.JoinController; the
                // newsletter's forms alike, and its one-click unsubscribe (RFC 8058) by the signed link alone.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/*/join", "/*/newsletter", "/*/newsletter/**"))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .headers(headers -> secure(headers).cacheControl(cacheControl -> cacheControl.disable()));
        return http.build();
    }

    private static org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> secure(
            org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers) {
        // a link to another site must not tell it which article the reader came from; HSTS goes to every request
        // that arrived over HTTPS, also through a TLS-terminating proxy (seen from its X-Forwarded-Proto when
        // ISKRA_FORWARDED_HEADERS=native), and the page cache adds it to the pages it answers (SecurityHeaders)
        return headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(SecurityHeaders.PERMISSIONS_POLICY))
                .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(SecurityHeaders.HSTS_MAX_AGE_SECONDS)
                        .includeSubDomains(false))
                .frameOptions(frame -> frame.deny());
    }

    /** The staff session cookie: only for the back office, HttpOnly, SameSite, Secure when served over HTTPS. */
    @Bean
    CookieSerializer staffSessionCookie(IskraProperties properties) {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName("ISKRA_STAFF");
        cookie.setCookiePath("/admin");
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        cookie.setUseSecureCookie(properties.baseUrl().startsWith("https://"));
        return cookie;
    }
}
